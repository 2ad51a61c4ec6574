# The classroom page: the window's own sources (ui/, the shared frame loop in
# ui/app/) and the browser's platform layer (ui/web/) linked into
# index.html + index.js + index.wasm. The lessons are built into core (as for the
# desktop) and the font subsets (WEB_FONT_DIR, made by script/build-web) are
# embedded, so the page needs nothing but its own three files.
set(WEB_FONT_DIR "${CMAKE_BINARY_DIR}/fonts" CACHE PATH "The Nanum font subset")
file(GLOB_RECURSE UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/ui/*.cpp)
list(FILTER UI_SOURCES EXCLUDE REGEX "/ui/(app|web)/")
add_library(swarmsim_ui_lib STATIC ${UI_SOURCES})
target_link_libraries(swarmsim_ui_lib PUBLIC swarmsim_core web_imgui)

# The window program's shared part (ui/app/ but the desktop's main.cpp) and ui/web/.
file(GLOB WEB_SOURCES_CPP CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/ui/web/*.cpp ${CMAKE_SOURCE_DIR}/ui/app/*.cpp)
list(FILTER WEB_SOURCES_CPP EXCLUDE REGEX "/ui/app/main.cpp$")
add_executable(swarmsim_web ${WEB_SOURCES_CPP})
target_link_libraries(swarmsim_web PRIVATE swarmsim_ui_lib)
set_target_properties(swarmsim_web PROPERTIES OUTPUT_NAME index SUFFIX ".html"
                      RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/site")
set(WEB_SHELL ${CMAKE_SOURCE_DIR}/ui/web/shell.html)
set_property(TARGET swarmsim_web APPEND PROPERTY LINK_DEPENDS ${WEB_SHELL} ${CMAKE_SOURCE_DIR}/ui/web/page.js)
file(GLOB WEB_EMBEDDED CONFIGURE_DEPENDS ${WEB_FONT_DIR}/*)
set_property(TARGET swarmsim_web APPEND PROPERTY LINK_DEPENDS ${WEB_EMBEDDED})
target_link_options(swarmsim_web PRIVATE
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB
  -sMINIFY_HTML=0  # Debian's emscripten 3.1.6 fails minifying at -O1 and above
  -lidbfs.js
  "-sEXPORTED_RUNTIME_METHODS=[FS,ccall,cwrap,UTF8ToString]"
  "-sEXPORTED_FUNCTIONS=[_main,_swarmsim_run,_swarmsim_open_file,_swarmsim_reset,_swarmsim_summary,_swarmsim_state_path,_swarmsim_reset_frame_stats]"
  "SHELL:--shell-file ${WEB_SHELL}"
  "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/ui/web/page.js"
  "SHELL:--embed-file ${WEB_FONT_DIR}@/fonts")
