# Writes OUTPUT, a header defining IACT_GIT_COMMIT: the commit SOURCE_DIR is checked out at,
# with "-dirty" when a tracked file differs from it, or "unknown" when SOURCE_DIR is not the
# top of a git checkout (a source tarball, even one unpacked inside another repository); and
# IACT_GIT_DATE, that commit's date (YYYY-MM-DD, the man pages' date), or "" when unknown.
# Run with `cmake -P` on every build (cmake/distribution.cmake); the file is written only
# when its text changes, so a build with nothing new compiles nothing.
#
#   cmake -DSOURCE_DIR=... -DOUTPUT=... [-DGIT_EXECUTABLE=git] -P git_commit.cmake
if(NOT GIT_EXECUTABLE)
  set(GIT_EXECUTABLE git)
endif()
# git status may refresh the index, writing to .git: not from a build.
set(ENV{GIT_OPTIONAL_LOCKS} 0)

set(commit unknown)
set(date "")
execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --show-toplevel
                WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE failed ERROR_QUIET)
if(NOT failed AND top)
  file(REAL_PATH "${top}" top)
  file(REAL_PATH "${SOURCE_DIR}" source)
endif()
if(NOT failed AND top STREQUAL source)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short HEAD
                  WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed AND head)
    set(commit ${head})
    execute_process(COMMAND ${GIT_EXECUTABLE} log -1 --format=%cs
                    WORKING_DIRECTORY ${SOURCE_DIR}
                    OUTPUT_VARIABLE committed OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE failed ERROR_QUIET)
    if(NOT failed AND committed MATCHES "^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$")
      set(date ${committed})
    endif()
    execute_process(COMMAND ${GIT_EXECUTABLE} status --porcelain --untracked-files=no
                    WORKING_DIRECTORY ${SOURCE_DIR}
                    OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE failed ERROR_QUIET)
    if(NOT failed AND changes)
      string(APPEND commit -dirty)
    endif()
  endif()
endif()

set(text "// Written by cmake/git_commit.cmake at build time: the commit iact is built from.\n")
string(APPEND text "#pragma once\n#define IACT_GIT_COMMIT \"${commit}\"\n")
string(APPEND text "#define IACT_GIT_DATE \"${date}\"\n")
set(old "")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT old STREQUAL text)
  file(WRITE ${OUTPUT} "${text}")
endif()
