# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) on the files it is about to pack into the Debian
# package, after the install rules have put them in its staging folder: what Debian's policy
# asks of a package beyond `cmake --install`, so that lintian reports no errors.
#
#   - man pages compressed with gzip -9n (no name or time in the header: reproducible);
#   - /usr/share/doc/iact/copyright in Debian's machine-readable format, from LICENSE;
#   - /usr/share/doc/iact/changelog.gz, a native package's changelog, dated by
#     SOURCE_DATE_EPOCH or else the last commit's time;
#   - the zsh completion in /usr/share/zsh/vendor-completions, where Debian's zsh looks
#     (cmake --install keeps site-functions, which a zsh under /usr/local reads).
#
# CPACK_IACT_SOURCE_DIR is the source tree; the rest is CPack's own configuration.
set(root "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")
if(NOT EXISTS "${root}/bin/iact")
  message(FATAL_ERROR "debian_layout.cmake: no ${root}/bin/iact; where did CPack stage the files?")
endif()
set(doc "${root}/share/doc/${CPACK_PACKAGE_NAME}")
file(MAKE_DIRECTORY "${doc}")

file(GLOB pages "${root}/share/man/man1/*.1")
foreach(page IN LISTS pages)
  execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "debian_layout.cmake: gzip ${page} failed")
  endif()
endforeach()

# The copyright file: the licence's text as the format has it (each line indented by a space,
# an empty line written " .").
file(STRINGS "${CPACK_IACT_SOURCE_DIR}/LICENSE" licence_lines)
set(licence "")
set(holder "")
foreach(line IN LISTS licence_lines)
  if(line MATCHES "^Copyright \\(c\\) (.*)$")
    set(holder "${CMAKE_MATCH_1}")
  endif()
  if(line STREQUAL "")
    string(APPEND licence " .\n")
  else()
    string(APPEND licence " ${line}\n")
  endif()
endforeach()
if(holder STREQUAL "")
  message(FATAL_ERROR "debian_layout.cmake: LICENSE has no 'Copyright (c) ...' line")
endif()
file(WRITE "${doc}/copyright"
     "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
     "Upstream-Name: ${CPACK_PACKAGE_NAME}\n"
     "Upstream-Contact: ${CPACK_PACKAGE_CONTACT}\n"
     "Source: ${CPACK_PACKAGE_HOMEPAGE_URL}\n"
     "\n"
     "Files: *\n"
     "Copyright: ${holder}\n"
     "License: MIT\n"
     "\n"
     "License: MIT\n"
     "${licence}")

# The changelog of a native package (its version has no Debian revision).
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND git log -1 --format=%ct
                  WORKING_DIRECTORY "${CPACK_IACT_SOURCE_DIR}"
                  OUTPUT_VARIABLE committed OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed AND committed MATCHES "^[0-9]+$")
    set(ENV{SOURCE_DATE_EPOCH} "${committed}")
  endif()
endif()
string(TIMESTAMP when "%a, %d %b %Y %H:%M:%S +0000" UTC)  # honours SOURCE_DATE_EPOCH
file(WRITE "${doc}/changelog"
     "${CPACK_PACKAGE_NAME} (${CPACK_PACKAGE_VERSION}) unstable; urgency=medium\n"
     "\n"
     "  * iact ${CPACK_PACKAGE_VERSION}; what changed is in the history of its repository,\n"
     "    ${CPACK_PACKAGE_HOMEPAGE_URL}.\n"
     "\n"
     " -- ${CPACK_PACKAGE_CONTACT}  ${when}\n")
execute_process(COMMAND gzip -9nf "${doc}/changelog" RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "debian_layout.cmake: gzip ${doc}/changelog failed")
endif()

set(zsh "${root}/share/zsh")
if(EXISTS "${zsh}/site-functions/_iact")
  file(MAKE_DIRECTORY "${zsh}/vendor-completions")
  file(RENAME "${zsh}/site-functions/_iact" "${zsh}/vendor-completions/_iact")
  file(GLOB left "${zsh}/site-functions/*")
  if(NOT left)
    file(REMOVE_RECURSE "${zsh}/site-functions")
  endif()
endif()
