#include "core/program/program.h"

#include "core/image/catalog.h"
#include "core/program/postgres.h"
#include "core/program/todo_web.h"

namespace swarmsim {

ProgramStart StartProgram(ClusterState* state, const Task& task) {
  ImageEntry image = LookupImage(state->images, task.spec->container.image);
  ProgramStart start;
  if (image.behaviour == "todo-web") start = StartTodoWeb(state, task);
  if (image.behaviour == "postgres") start = StartPostgres(state, task);
  // The catalogue's failure knobs: the process ends on cue unless it failed first.
  if (image.exit_after && (!start.exit_after || *image.exit_after < *start.exit_after)) {
    start.exit_after = image.exit_after;
    start.exit_code = image.exit_code;
  }
  return start;
}

HttpResponse ServeHttp(ClusterState* state, const Task& task, const HttpRequest& request) {
  ImageEntry image = LookupImage(state->images, task.spec->container.image);
  if (image.behaviour == "todo-web") return ServeTodoWeb(state, task, request);
  if (image.behaviour == "generic" && image.reference.rfind("nginx:", 0) == 0) {
    HttpResponse r;
    r.headers.push_back({"Content-Type", "text/html"});
    r.body = "<h1>Welcome to nginx!</h1>\n";
    return r;
  }
  HttpResponse r;
  r.status = 404;
  r.body = "404 page not found\n";
  return r;
}

void WriteLog(ClusterState* state, const Task& task, const std::string& text, const std::string& stream) {
  LogLine line;
  line.time = state->clock.now;
  line.task_id = task.id;
  line.stream = stream;
  line.text = text;
  state->new_logs.push_back(std::move(line));
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

}  // namespace swarmsim
