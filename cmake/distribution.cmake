# What a release needs beyond the binary and its data (included by CMakeLists.txt after the
# iact target and its install rules): `iact --version` names the commit; the shell completion
# scripts and man pages, written at build time by the built iact from its own command line;
# where `cmake --install` puts them; and the Debian package (`cpack -G DEB` in the build folder).

# The commit the binary is built from, found at every build (not when CMake configures, which
# a new commit does not cause) by cmake/git_commit.cmake: "abc1234", "abc1234-dirty" when a
# tracked file has changes, "unknown" outside git. It writes generated/git_commit.h only when
# the text changes, and only main.cpp includes it, so nothing else is compiled again.
set(IACT_GENERATED ${CMAKE_CURRENT_BINARY_DIR}/generated)
find_package(Git QUIET)
if(NOT GIT_FOUND)
  set(GIT_EXECUTABLE git)  # the script then finds no checkout: "unknown"
endif()
add_custom_target(iact_git_commit
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DOUTPUT=${IACT_GENERATED}/git_commit.h -DGIT_EXECUTABLE=${GIT_EXECUTABLE}
          -P ${PROJECT_SOURCE_DIR}/cmake/git_commit.cmake
  BYPRODUCTS ${IACT_GENERATED}/git_commit.h
  COMMENT "Finding the commit iact is built from"
  VERBATIM)
add_dependencies(iact iact_git_commit)
target_include_directories(iact PRIVATE ${IACT_GENERATED})

# Completion scripts and man pages, from the built iact (so they cannot drift from its
# command line). man/ is emptied first, so a command that was removed leaves no page behind.
set(IACT_COMPLETIONS ${CMAKE_CURRENT_BINARY_DIR}/completion)
set(IACT_MAN_DIR ${CMAKE_CURRENT_BINARY_DIR}/man)
add_custom_command(
  OUTPUT ${IACT_COMPLETIONS}/iact.bash ${IACT_COMPLETIONS}/_iact ${IACT_COMPLETIONS}/iact.fish
         ${IACT_MAN_DIR}/iact.1
  COMMAND ${CMAKE_COMMAND} -E make_directory ${IACT_COMPLETIONS}
  COMMAND iact completion bash -o ${IACT_COMPLETIONS}/iact.bash
  COMMAND iact completion zsh -o ${IACT_COMPLETIONS}/_iact
  COMMAND iact completion fish -o ${IACT_COMPLETIONS}/iact.fish
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${IACT_MAN_DIR}
  COMMAND iact man-pages -o ${IACT_MAN_DIR}
  DEPENDS iact
  COMMENT "Writing the completion scripts and man pages from iact's command line"
  VERBATIM)
add_custom_target(iact_completion_and_man ALL
  DEPENDS ${IACT_COMPLETIONS}/iact.bash ${IACT_MAN_DIR}/iact.1)

install(FILES ${IACT_COMPLETIONS}/iact.bash DESTINATION share/bash-completion/completions
        RENAME iact)
install(FILES ${IACT_COMPLETIONS}/_iact DESTINATION share/zsh/site-functions)
install(FILES ${IACT_COMPLETIONS}/iact.fish DESTINATION share/fish/vendor_completions.d)
install(DIRECTORY ${IACT_MAN_DIR}/ DESTINATION share/man/man1 FILES_MATCHING PATTERN "*.1")

# The Debian package: iact_<version>_amd64.deb, installing under /usr. dpkg-shlibdeps
# (Debian: dpkg-dev) works out the libraries' packages (libyaml-cpp0.7, libfmt9,
# libxlsxwriter4, libzip4, libpugixml1v5, libcsv3...); the programs iact runs are named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME iact)
set(CPACK_PACKAGE_CONTACT "iact maintainers <iact@example.org>")
set(CPACK_PACKAGE_HOMEPAGE_URL https://iact.invalid)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Checks NHS action plans for intensive and assertive community mental health care")
# The long description in lines of under 80 characters, as Debian's control files have it.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "iact validates the YAML action plans of integrated care boards and mental\n"
       "health trusts against NHS England's frameworks and timeline, and writes the\n"
       "board papers (DOCX, PDF, HTML) and the NHS England assurance returns (XLSX).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Compressed man pages, the copyright file, the changelog, the zsh completion where Debian's
# zsh looks: cmake/debian_layout.cmake, on the staged files.
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/debian_layout.cmake)
set(CPACK_IACT_SOURCE_DIR ${PROJECT_SOURCE_DIR})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# pandoc writes the papers, WeasyPrint their PDF, rsvg-convert the chart in DOCX; the
# Liberation fonts stand in for Arial.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "pandoc, weasyprint, librsvg2-bin, fonts-liberation2")
include(CPack)
