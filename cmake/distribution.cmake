# What a release needs beyond the binary and its data (included by CMakeLists.txt after the
# iact target and its install rules): `iact --version` names the commit; the shell completion
# scripts and man pages, written at build time by the built iact from its own command line;
# and where `cmake --install` puts them.

# The commit the binary is built from, read when CMake configures: "unknown" outside git.
# CMake configures again when HEAD moves, so a build after a commit names the new one. Only
# main.cpp prints it, so only main.cpp is compiled again.
set(IACT_GIT_COMMIT unknown)
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short HEAD
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed AND commit)
    set(IACT_GIT_COMMIT ${commit})
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --git-path HEAD
                            --symbolic-full-name HEAD
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE git_paths OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(REPLACE "\n" ";" git_paths "${git_paths}")
    list(GET git_paths 0 head_file)
    set(watched ${head_file})
    list(LENGTH git_paths n)
    if(n GREATER 1)  # on a branch: its ref file (absent when git has packed the refs)
      list(GET git_paths 1 branch)
      execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --git-path ${branch}
                      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                      OUTPUT_VARIABLE ref_file OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      list(APPEND watched ${ref_file})
    endif()
    foreach(file ${watched})
      if(NOT IS_ABSOLUTE ${file})
        set(file ${PROJECT_SOURCE_DIR}/${file})
      endif()
      if(EXISTS ${file})
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
      endif()
    endforeach()
  endif()
endif()
set_property(SOURCE src/main.cpp APPEND PROPERTY COMPILE_DEFINITIONS
             IACT_GIT_COMMIT="${IACT_GIT_COMMIT}")

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
