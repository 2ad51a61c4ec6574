# Writes INPUT's text into OUTPUT as `extern const char kBuiltinImagesYaml[]`.
# A raw string keeps the file readable in the generated source.
file(READ ${INPUT} TEXT)
string(FIND "${TEXT}" ")swarmsim_embed\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\nnamespace swarmsim {\nextern const char kBuiltinImagesYaml[];\nconst char kBuiltinImagesYaml[] = R\"swarmsim_embed(${TEXT})swarmsim_embed\";\n}  // namespace swarmsim\n")
