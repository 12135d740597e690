# Installs the built project into a scratch prefix, then configures, builds and runs the
# consumer project against it: the installed package config, headers and library must be
# enough for find_package(parley) and parley::parley (issue 2: a target others can link).
#   cmake -DBUILD_DIR=... -DCONSUMER_DIR=... -DWORK_DIR=... -DGENERATOR=... -DBUILD_TYPE=... -P check_package.cmake
function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
  endif()
  message(STATUS "${what}: ok ${out}")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run_step("install into ${WORK_DIR}/prefix" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
run_step("configure the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/consumer -G ${GENERATOR}
         -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
run_step("build the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/consumer)
run_step("run the consumer" ${WORK_DIR}/consumer/parley_consumer)
