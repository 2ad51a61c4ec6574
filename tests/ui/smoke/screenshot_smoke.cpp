// Screenshot smoke test: prepares a three-node cluster with the swarmsim CLI,
// renders the window under Xvfb into a PNG and checks the board was drawn.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <filesystem>
#include <string>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

namespace {

const std::string kDir = SMOKE_DIR;
const std::string kDb = kDir + "/cluster.db";

int Cli(const std::string& args, const std::string& db = kDb) {
  std::string cmd = "SWARMSIM_STATE='" + db +
                    "' SWARMSIM_WALL_CLOCK=2026-03-01T10:00:00Z SWARMSIM_SEED=7 '" SWARMSIM_BIN "' " + args +
                    " >/dev/null";
  return std::system(cmd.c_str());
}

struct Png {
  int w = 0, h = 0;
  unsigned char* px = nullptr;
  ~Png() { stbi_image_free(px); }
  const unsigned char* at(int x, int y) const { return px + (size_t(y) * w + x) * 4; }
};

// Draws the window on `db` into `png` under Xvfb (1600x900) with `flags`; returns
// the command for failure messages and sets *status to its exit status.
std::string Screenshot(const std::string& db, const std::string& png, const std::string& flags, int* status) {
  std::filesystem::remove(png);
  std::string cmd = std::string("SWARMSIM_WALL_CLOCK=2026-03-01T10:00:00Z '") + XVFB_RUN +
                    "' -a -s '-screen 0 1600x900x24' '" SWARMSIM_UI_BIN "' --state '" + db + "' --screenshot '" +
                    png + "' --size 1600x900 " + flags;
  *status = std::system(cmd.c_str());
  return cmd;
}

// `path` as RGBA pixels; false when it cannot be read.
bool Load(const std::string& path, Png* img) {
  int channels = 0;
  img->px = stbi_load(path.c_str(), &img->w, &img->h, &channels, 4);
  return img->px != nullptr;
}

TEST(ScreenshotSmoke, ThreeNodeClusterIsDrawn) {
  std::filesystem::create_directories(kDir);
  std::filesystem::remove(kDb);
  std::filesystem::remove(kDb + "-wal");
  std::filesystem::remove(kDb + "-shm");
  ASSERT_EQ(Cli("swarm init"), 0);
  ASSERT_EQ(Cli("node add --count 2"), 0);
  ASSERT_EQ(Cli("time pause"), 0);
  ASSERT_EQ(Cli("service create --name web --replicas 2 --reserve-cpu 0.25 --reserve-memory 64M "
                "--limit-cpu 0.5 --limit-memory 100M nginx:1.25"),
            0);
  ASSERT_EQ(Cli("time advance 30s"), 0);
  ASSERT_EQ(Cli("service update --image nginx:1.27 web"), 0);
  ASSERT_EQ(Cli("time advance 30s"), 0);
  ASSERT_EQ(Cli("service create --name huge --reserve-cpu 64 redis:7"), 0);
  ASSERT_EQ(Cli("time advance 1s"), 0);

  const std::string png = kDir + "/board.png";
  int status = 0;
  std::string cmd = Screenshot(kDb, png, "--frames 4 --select-task web.1 --console 'service ps web'", &status);
  ASSERT_EQ(status, 0) << cmd;
  Png img;
  ASSERT_TRUE(Load(png, &img)) << png;
  EXPECT_EQ(img.w, 1600);
  EXPECT_EQ(img.h, 900);

  // The board fills the top-left of the window: most of it must not be the plain
  // window background, and the cards of "web" (the second service by name) carry
  // its exact colour in their stripes.
  const unsigned char kBg[3] = {23, 26, 33};
  const unsigned char kWeb[3] = {232, 128, 60};
  long drawn = 0, web = 0, total = 0;
  for (int y = 60; y < 560; ++y) {
    for (int x = 10; x < 1000; ++x) {
      const unsigned char* p = img.at(x, y);
      ++total;
      if (std::abs(p[0] - kBg[0]) + std::abs(p[1] - kBg[1]) + std::abs(p[2] - kBg[2]) > 6) ++drawn;
      if (p[0] == kWeb[0] && p[1] == kWeb[1] && p[2] == kWeb[2]) ++web;
    }
  }
  EXPECT_GT(drawn, total / 4) << "the board area is mostly empty";
  EXPECT_GT(web, 200) << "no task card of service web drawn";

  // Started rewound to 10 s after the first deploy: the window replays the command
  // log and draws that past cluster. "huge" did not exist yet, so web is the first
  // service by name and its cards carry the first colour of the palette.
  const std::string past = kDir + "/rewound.png";
  std::string rewound = Screenshot(kDb, past, "--frames 3 --rewind-to 2026-03-01T10:00:10Z", &status);
  ASSERT_EQ(status, 0) << rewound;
  Png then;
  ASSERT_TRUE(Load(past, &then)) << past;
  const unsigned char kFirst[3] = {76, 155, 232};
  long web_then = 0;
  for (int y = 60; y < 560; ++y) {
    for (int x = 10; x < 1000; ++x) {
      const unsigned char* p = then.at(x, y);
      if (p[0] == kFirst[0] && p[1] == kFirst[1] && p[2] == kFirst[2]) ++web_then;
    }
  }
  EXPECT_GT(web_then, 200) << "the rewound board shows no task of web";
}

// The issue's own picture: todo-list v2 on three nodes. Three node columns, the
// two web replicas (cards striped in the service's colour in two columns), and
// the v1 task that v2 replaced kept as history under web.1.
TEST(ScreenshotSmoke, TodoListV2OnThreeNodes) {
  std::filesystem::create_directories(kDir);
  const std::string db = kDir + "/todo.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  const std::string scenarios = std::string(SWARMSIM_SOURCE_DIR) + "/scenarios/todo-list/";
  ASSERT_EQ(Cli("swarm init", db), 0);
  ASSERT_EQ(Cli("node add --count 2", db), 0);
  ASSERT_EQ(Cli("time pause", db), 0);
  ASSERT_EQ(Cli("stack deploy -c '" + scenarios + "v1.yml' todo", db), 0);
  ASSERT_EQ(Cli("time advance 1m", db), 0);
  ASSERT_EQ(Cli("stack deploy -c '" + scenarios + "v2.yml' todo", db), 0);
  ASSERT_EQ(Cli("time advance 1m", db), 0);

  const std::string png = kDir + "/todo-v2.png";
  int status = 0;
  std::string cmd = Screenshot(db, png, "--frames 4 --select-task todo_todo-web.1", &status);
  ASSERT_EQ(status, 0) << cmd;
  Png img;
  ASSERT_TRUE(Load(png, &img)) << png;

  // The board spans x 0..1056 (two thirds of the width minus the inspector):
  // each third holds one node column (its background) and, for the first two,
  // a running card's stripe in the first palette colour.
  const unsigned char kColumn[3] = {34, 39, 48};
  const unsigned char kWeb[3] = {76, 155, 232};
  long column[3] = {0, 0, 0}, stripe[3] = {0, 0, 0};
  for (int y = 90; y < 540; ++y) {
    for (int x = 0; x < 1050; ++x) {
      const unsigned char* p = img.at(x, y);
      int third = x / 350;
      if (p[0] == kColumn[0] && p[1] == kColumn[1] && p[2] == kColumn[2]) ++column[third];
      if (p[0] == kWeb[0] && p[1] == kWeb[1] && p[2] == kWeb[2]) ++stripe[third];
    }
  }
  for (int i = 0; i < 3; ++i) EXPECT_GT(column[i], 5000) << "no node column in third " << i;
  EXPECT_GT(stripe[0], 200) << "no running web card on node1";
  EXPECT_GT(stripe[1], 200) << "no running web card on node2";
  EXPECT_EQ(stripe[2], 0) << "node3 should hold no web task";
}

// Runs swarmsim-ui --lesson ... from an empty folder outside the source tree (the
// lessons are built in), on the lesson's own database under `state_dir`; returns
// the exit status and puts stderr in *err.
int LessonShot(const std::string& flags, const std::string& png, const std::string& state_dir,
               const std::string& env, std::string* err) {
  const std::string cwd = kDir + "/empty-folder";
  std::filesystem::remove_all(cwd);
  std::filesystem::create_directories(cwd);
  std::filesystem::remove(png);
  const std::string err_file = kDir + "/lesson-shot.err";
  std::string cmd = "cd '" + cwd + "' && " + env + " SWARMSIM_STATE='" + state_dir +
                    "/cluster.db' SWARMSIM_WALL_CLOCK=2026-03-01T10:00:00Z SWARMSIM_SEED=7 '" + XVFB_RUN +
                    "' -a -s '-screen 0 1280x720x24' '" SWARMSIM_UI_BIN "' " + flags + " --screenshot '" + png +
                    "' 2>'" + err_file + "'";
  int status = std::system(cmd.c_str());
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  *err = ss.str();
  return status;
}

// A projector-sized picture of any moment of a lesson: todo-list step 2 at
// 1280x720 and zoom 1.5 shows all three node columns on screen, and the two web
// replicas' cards (striped in web's colour) on node1 and node2.
TEST(ScreenshotSmoke, LessonStepAtProjectorSize) {
  std::filesystem::create_directories(kDir);
  const std::string png = kDir + "/todo-step2-1280x720.png";
  std::string err;
  int status = LessonShot("--lesson todo-list --step 2 --size 1280x720 --zoom 1.5", png, kDir + "/lesson-state", "",
                          &err);
  ASSERT_EQ(status, 0) << err;
  Png img;
  ASSERT_TRUE(Load(png, &img)) << png;
  ASSERT_EQ(img.w, 1280);
  ASSERT_EQ(img.h, 720);
  // The board is the left two thirds (the right column takes 0.34 of the width):
  // each third of it holds one node column; web's cards are in the first two.
  const unsigned char kColumn[3] = {34, 39, 48};
  const unsigned char kWeb[3] = {76, 155, 232};
  const int board_w = 1280 - int(1280 * 0.34f) - 6;
  long column[3] = {0, 0, 0}, stripe[3] = {0, 0, 0};
  for (int y = 100; y < 500; ++y) {
    for (int x = 0; x < board_w; ++x) {
      const unsigned char* p = img.at(x, y);
      int third = std::min(2, x * 3 / board_w);
      if (p[0] == kColumn[0] && p[1] == kColumn[1] && p[2] == kColumn[2]) ++column[third];
      if (p[0] == kWeb[0] && p[1] == kWeb[1] && p[2] == kWeb[2]) ++stripe[third];
    }
  }
  for (int i = 0; i < 3; ++i) EXPECT_GT(column[i], 5000) << "no node column in third " << i;
  EXPECT_GT(stripe[0], 100) << "no web card on node1";
  EXPECT_GT(stripe[1], 100) << "no web card on node2";
  EXPECT_EQ(stripe[2], 0) << "node3 should hold no web task";
}

// A step whose command does not exit as the lesson expects: the picture is still
// written, and the exit status is non-zero with the step named.
TEST(ScreenshotSmoke, AFailedLessonStepIsNamed) {
  const std::string scenarios = kDir + "/own-lessons";
  std::filesystem::remove_all(scenarios);
  std::filesystem::create_directories(scenarios + "/broken");
  std::ofstream(scenarios + "/broken/lesson.yml")
      << "title: {en: Broken, ko: Broken}\nsummary: {en: s, ko: s}\ncluster: {preset: single-node}\nsteps:\n"
         "  - id: scale-nothing\n    title: {en: t, ko: t}\n    explain: {en: e, ko: e}\n"
         "    commands:\n      - swarmsim service scale nosuch=2\n";
  const std::string png = kDir + "/broken.png";
  std::string err;
  int status = LessonShot("--lesson broken --step 1", png, kDir + "/broken-state",
                          "SWARMSIM_SCENARIOS='" + scenarios + "'", &err);
  EXPECT_NE(status, 0);
  EXPECT_NE(err.find("lesson broken step 1 (scale-nothing)"), std::string::npos) << err;
  EXPECT_TRUE(std::filesystem::exists(png));
}

}  // namespace
