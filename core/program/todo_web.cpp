#include "core/program/todo_web.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "core/container/filesystem.h"
#include "core/control/tasks.h"
#include "core/program/network_reach.h"
#include "core/program/postgres.h"
#include "core/program/row_file.h"

namespace swarmsim {

namespace {

using nlohmann::json;

constexpr int kCrashCode = 134;  // .NET aborts on an unhandled exception
constexpr Duration kCrashAfter = 2 * kSecond;

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// .NET configuration keys are case-insensitive; "A:B" walks nested objects.
const json* Lookup(const json& root, const std::string& a, const std::string& b) {
  if (!root.is_object()) return nullptr;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (Lower(it.key()) != Lower(a) || !it->is_object()) continue;
    for (auto jt = it->begin(); jt != it->end(); ++jt) {
      if (Lower(jt.key()) == Lower(b)) return &*jt;
    }
  }
  return nullptr;
}

void Apply(const json& doc, TodoSettings* s) {
  if (const json* p = Lookup(doc, "Database", "Provider"); p && p->is_string()) s->provider = p->get<std::string>();
  if (const json* c = Lookup(doc, "ConnectionStrings", "ToDoDb"); c && c->is_string()) {
    s->connection_string = c->get<std::string>();
  }
}

// Where the list lives for this task: the SQLite file, or a postgres task.
struct TodoStore {
  const Task* db = nullptr;  // null: SQLite in the task's own /data
  std::string error;         // why it cannot be reached
  std::string detail;        // the exception's own words
};

TodoStore Connect(const ClusterState& state, const Task& task, const TodoSettings& settings) {
  TodoStore store;
  if (Lower(settings.provider) != "postgres") return store;
  if (settings.connection_string.empty()) {
    store.error = "Database:Provider is Postgres but ConnectionStrings:ToDoDb is not set";
    store.detail = "System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')";
    return store;
  }
  std::string host = ConnectionStringValue(settings.connection_string, "Server");
  if (host.empty()) host = ConnectionStringValue(settings.connection_string, "Host");
  const Service* svc = ResolveServiceName(state, task, host);
  if (!svc) {
    store.error = "cannot resolve database server \"" + host + "\": no service of that name on this task's networks";
    store.detail = "Npgsql.NpgsqlException (0x80004005): Exception while connecting ---> "
                   "System.Net.Sockets.SocketException (00000001): Name or service not known";
    return store;
  }
  store.db = PickRunningTask(state, *svc);
  if (!store.db) {
    store.error = "database server \"" + host + "\" resolves, but no task of " + svc->spec.name + " is running";
    store.detail = "Npgsql.NpgsqlException (0x80004005): Exception while connecting ---> "
                   "System.Net.Sockets.SocketException (111): Connection refused";
  }
  return store;
}

std::string SafeConnection(const std::string& cs) {
  std::string server = ConnectionStringValue(cs, "Server"), db = ConnectionStringValue(cs, "Database");
  return "Server=" + server + ";Database=" + db;  // never the password
}

std::string UrlDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// The value of `key` in an application/x-www-form-urlencoded body.
std::string FormValue(const std::string& body, const std::string& key) {
  size_t i = 0;
  while (i <= body.size()) {
    size_t j = body.find('&', i);
    if (j == std::string::npos) j = body.size();
    std::string pair = body.substr(i, j - i);
    size_t eq = pair.find('=');
    if (UrlDecode(pair.substr(0, eq)) == key) return eq == std::string::npos ? "" : UrlDecode(pair.substr(eq + 1));
    i = j + 1;
  }
  return "";
}

}  // namespace

std::string ConnectionStringValue(const std::string& cs, const std::string& key) {
  size_t i = 0;
  while (i < cs.size()) {
    size_t j = cs.find(';', i);
    if (j == std::string::npos) j = cs.size();
    std::string part = cs.substr(i, j - i);
    size_t eq = part.find('=');
    if (eq != std::string::npos) {
      std::string k = part.substr(0, eq);
      while (!k.empty() && k.front() == ' ') k.erase(0, 1);
      while (!k.empty() && k.back() == ' ') k.pop_back();
      if (Lower(k) == Lower(key)) return part.substr(eq + 1);
    }
    i = j + 1;
  }
  return "";
}

TodoSettings ReadTodoSettings(const ClusterState& state, const Task& task) {
  TodoSettings s;
  for (const char* path : {"/app/config/config.json", "/app/config/secrets.json"}) {
    auto text = ReadTaskFile(state, task, path);
    if (!text.ok()) continue;
    json doc = json::parse(text.value(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
      s.error = std::string("System.FormatException: Could not parse the JSON file ") + path;
      continue;
    }
    Apply(doc, &s);
  }
  return s;
}

ProgramStart StartTodoWeb(ClusterState* state, const Task& task) {
  TodoSettings settings = ReadTodoSettings(*state, task);
  if (!settings.error.empty()) {
    WriteLog(state, task, "Unhandled exception. " + settings.error, "stderr");
    return {kCrashAfter, kCrashCode};
  }
  TodoStore store = Connect(*state, task, settings);
  if (!store.error.empty()) {
    WriteLog(state, task, "fail: ToDoList.Startup[0] " + store.error, "stderr");
    WriteLog(state, task, "Unhandled exception. " + store.detail, "stderr");
    return {kCrashAfter, kCrashCode};
  }
  if (store.db) {
    WriteLog(state, task, "info: ToDoList.Startup[0] Using Postgres database " +
                              SafeConnection(settings.connection_string) + " (task " + TaskName(*store.db) + ")");
  } else {
    if (!ReadTaskFile(*state, task, kTodoSqlitePath).ok()) (void)WriteTaskFile(state, task, kTodoSqlitePath, "");
    WriteLog(state, task, std::string("info: ToDoList.Startup[0] Using SQLite database ") + kTodoSqlitePath);
  }
  WriteLog(state, task, "info: Microsoft.Hosting.Lifetime[0] Now listening on: http://[::]:80");
  WriteLog(state, task, "info: Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.");
  return {};
}

HttpResponse ServeTodoWeb(ClusterState* state, const Task& task, const HttpRequest& request) {
  HttpResponse r;
  r.headers.push_back({"Content-Type", "text/plain; charset=utf-8"});
  if (request.path != "/" && request.path != "/list" && request.path != "/new") {
    r.status = 404;
    return r;
  }
  TodoSettings settings = ReadTodoSettings(*state, task);
  TodoStore store = Connect(*state, task, settings);
  if (!store.error.empty()) {
    WriteLog(state, task, "fail: Microsoft.AspNetCore.Server.Kestrel[13] " + store.error, "stderr");
    r.status = 500;
    r.body = "error: " + store.error + "\n";
    return r;
  }
  const Task& data_task = store.db ? *store.db : task;
  std::string data_path = store.db ? TodoTablePath(*state, *store.db) : kTodoSqlitePath;
  r.headers.push_back({"X-Swarmsim-Data", DescribeFileLocation(*state, data_task, data_path) + " (" + data_path +
                                              (store.db ? " in " + TaskName(*store.db) : "") + ")"});
  if (request.method == "POST") {
    std::string item = FormValue(request.body, "item");
    if (item.empty()) {
      r.status = 400;
      r.body = "error: send item=TEXT\n";
      return r;
    }
    Status st = store.db ? InsertTodoRow(state, *store.db, item) : AppendRow(state, task, kTodoSqlitePath, item);
    if (!st.ok()) {
      r.status = 500;
      r.body = "error: " + st.message() + "\n";
      return r;
    }
    WriteLog(state, task, "info: ToDoList.Pages.NewModel[0] New item added: " + item);
    r.status = 201;
    r.body = "added: " + item + "\n";
    return r;
  }
  if (request.method != "GET") {
    r.status = 405;
    return r;
  }
  std::vector<std::string> items =
      store.db ? ReadTodoRows(*state, *store.db) : ReadRows(*state, task, kTodoSqlitePath);
  for (const auto& item : items) r.body += item + "\n";
  return r;
}

}  // namespace swarmsim
