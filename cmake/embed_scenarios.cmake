# Writes every file under ROOT (except images.yml, embedded on its own) into
# OUTPUT as the table core/lesson/builtin_scenarios.h declares, so lessons, their
# presets, stacks, configs and secrets travel inside the binary.
# Raw strings keep the files readable in the generated source.
file(GLOB_RECURSE FILES RELATIVE ${ROOT} ${ROOT}/*)
list(REMOVE_ITEM FILES images.yml)
list(SORT FILES)
set(BODY "")
foreach(f ${FILES})
  file(READ ${ROOT}/${f} TEXT)
  string(FIND "${TEXT}" ")swarmsim_embed\"" CLASH)
  if(NOT CLASH EQUAL -1)
    message(FATAL_ERROR "${ROOT}/${f} contains the raw-string delimiter")
  endif()
  string(APPEND BODY "    {\"${f}\", R\"swarmsim_embed(${TEXT})swarmsim_embed\"},\n")
endforeach()
list(LENGTH FILES COUNT)
file(WRITE ${OUTPUT}.tmp "// Generated from ${ROOT}; do not edit.\n#include \"core/lesson/builtin_scenarios.h\"\nnamespace swarmsim::lesson {\nconst BuiltinScenarioFile kBuiltinScenarioFiles[] = {\n${BODY}};\nconst size_t kBuiltinScenarioFileCount = ${COUNT};\n}  // namespace swarmsim::lesson\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
