# The libraries of the browser build (emcmake cmake, see script/build-web).
# Debian has no wasm builds of them: they are compiled here from the source
# packages script/fetch-web-sources unpacked into WEB_SOURCES (build-web/src),
# under the same target names find_package gives the native build.
enable_language(C)  # SQLite
set(WEB_SOURCES "${CMAKE_SOURCE_DIR}/build-web/src" CACHE PATH "Unpacked Debian source packages")
file(GLOB IMGUI_DIR LIST_DIRECTORIES true "${WEB_SOURCES}/imgui-1.*")
file(GLOB SQLITE_DIR LIST_DIRECTORIES true "${WEB_SOURCES}/sqlite3-3.*")
file(GLOB YAML_CPP_DIR LIST_DIRECTORIES true "${WEB_SOURCES}/yaml-cpp-0.7*")
foreach(dir IMGUI_DIR SQLITE_DIR YAML_CPP_DIR)
  if(NOT ${dir})
    message(FATAL_ERROR "${dir} not found under ${WEB_SOURCES}: run script/fetch-web-sources")
  endif()
endforeach()

# yaml-cpp and nlohmann/json throw; without this the first throw aborts.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

# Headers from /usr/include are invisible to emcc, and -I/usr/include breaks its
# libc: a folder holding only links to the header-only libraries goes on -isystem.
set(WEB_SYSTEM_INCLUDE "${CMAKE_BINARY_DIR}/system-include")
file(MAKE_DIRECTORY "${WEB_SYSTEM_INCLUDE}")
file(CREATE_LINK /usr/include/nlohmann "${WEB_SYSTEM_INCLUDE}/nlohmann" SYMBOLIC)
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${WEB_SYSTEM_INCLUDE}")

# SQLite: the amalgamation script/build-web generates from the source tree. The
# browser's file system has no shared memory for WAL, and the page has one thread.
add_library(web_sqlite3 STATIC "${SQLITE_DIR}/sqlite3.c")
target_include_directories(web_sqlite3 SYSTEM PUBLIC "${SQLITE_DIR}")
target_compile_definitions(web_sqlite3 PRIVATE SQLITE_OMIT_WAL SQLITE_THREADSAFE=0 SQLITE_OMIT_LOAD_EXTENSION
                                               SQLITE_DEFAULT_MEMSTATUS=0)
target_compile_options(web_sqlite3 PRIVATE -w)
add_library(SQLite::SQLite3 ALIAS web_sqlite3)

set(YAML_CPP_BUILD_TESTS OFF CACHE BOOL "" FORCE)
set(YAML_CPP_BUILD_TOOLS OFF CACHE BOOL "" FORCE)
set(YAML_CPP_BUILD_CONTRIB OFF CACHE BOOL "" FORCE)
set(YAML_BUILD_SHARED_LIBS OFF CACHE BOOL "" FORCE)
set(YAML_CPP_INSTALL OFF CACHE BOOL "" FORCE)
add_subdirectory("${YAML_CPP_DIR}" yaml-cpp EXCLUDE_FROM_ALL SYSTEM)
target_compile_options(yaml-cpp PRIVATE -w)  # its own -Wshadow findings are not ours to fix

# Dear ImGui 1.86 with its GLFW (emscripten's JavaScript GLFW) and OpenGL ES 3
# (WebGL 2) backends; imgui_stdlib from misc/cpp as libimgui-dev ships it.
add_library(web_imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_glfw.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(web_imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/misc/cpp")
target_compile_definitions(web_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_compile_options(web_imgui PRIVATE -w)
target_link_options(web_imgui PUBLIC -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1)
