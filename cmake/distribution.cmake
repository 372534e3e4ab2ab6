# What a release needs beyond the binary and its data (included by CMakeLists.txt after the
# iact target and its install rules): `iact --version` names the commit.

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
