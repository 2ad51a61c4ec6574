// Screenshot smoke test: prepares a three-node cluster with the swarmsim CLI,
// renders the window under Xvfb into a PNG and checks the board was drawn.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

namespace {

const std::string kDir = SMOKE_DIR;
const std::string kDb = kDir + "/cluster.db";

int Cli(const std::string& args) {
  std::string cmd = "SWARMSIM_STATE='" + kDb +
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
  std::filesystem::remove(png);
  std::string cmd = std::string("SWARMSIM_WALL_CLOCK=2026-03-01T10:00:00Z '") + XVFB_RUN +
                    "' -a -s '-screen 0 1600x900x24' '" SWARMSIM_UI_BIN "' --state '" + kDb + "' --screenshot '" +
                    png + "' --frames 4 --size 1600x900 --select-task web.1 --console 'service ps web'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  ASSERT_TRUE(std::filesystem::exists(png));

  Png img;
  int channels = 0;
  img.px = stbi_load(png.c_str(), &img.w, &img.h, &channels, 4);
  ASSERT_NE(img.px, nullptr);
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
  std::filesystem::remove(past);
  std::string rewound = std::string("SWARMSIM_WALL_CLOCK=2026-03-01T10:00:00Z '") + XVFB_RUN +
                        "' -a -s '-screen 0 1600x900x24' '" SWARMSIM_UI_BIN "' --state '" + kDb + "' --screenshot '" +
                        past + "' --frames 3 --size 1600x900 --rewind-to 2026-03-01T10:00:10Z";
  ASSERT_EQ(std::system(rewound.c_str()), 0) << rewound;
  Png then;
  then.px = stbi_load(past.c_str(), &then.w, &then.h, &channels, 4);
  ASSERT_NE(then.px, nullptr);
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

}  // namespace
