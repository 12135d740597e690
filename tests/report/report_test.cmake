# One scenario's report, written by the program and loaded in headless Chromium (issue 17):
#   cmake -DPARLEY=<parley> -DSCENARIO=<id> -DRUNS=<n> -DARTIFACTS=<dir> -DPYTHON=<python3>
#         -DCHECK=<browser_check.py> -DCHROMIUM=<chromium> -P report_test.cmake
# writes <dir>/report-<id>.html, checks it (browser_check.py) and keeps <dir>/report-<id>.png,
# the screenshot CI keeps as an artifact. Both files are removed first, so a failed run never
# leaves the previous run's page or picture behind.
foreach(var PARLEY SCENARIO RUNS ARTIFACTS PYTHON CHECK CHROMIUM)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "report_test.cmake: -D${var}=... is missing")
  endif()
endforeach()

set(page ${ARTIFACTS}/report-${SCENARIO}.html)
set(shot ${ARTIFACTS}/report-${SCENARIO}.png)
file(MAKE_DIRECTORY ${ARTIFACTS})
file(REMOVE ${page} ${shot})

execute_process(COMMAND ${PARLEY} report ${SCENARIO} -o ${page} --runs ${RUNS} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "parley report ${SCENARIO} failed (${rc})")
endif()
if(NOT EXISTS ${page})
  message(FATAL_ERROR "parley report ${SCENARIO} exited 0 but wrote no ${page}")
endif()

execute_process(COMMAND ${PYTHON} ${CHECK} ${page} --screenshot ${shot} --chromium ${CHROMIUM}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the report of ${SCENARIO} failed the browser check (${rc}); screenshot: ${shot}")
endif()
