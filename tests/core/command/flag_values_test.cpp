// The value types of service flags, with the docker 28 CLI's words (checked
// against `docker service create` itself).
#include "core/command/flag_values.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(MountValueTest, VolumeWithOptions) {
  auto m = ParseMountValue("type=volume,src=pgdata,dst=/var/lib/postgresql/data,volume-label=a=b,readonly", "/");
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->type, "volume");
  EXPECT_EQ(m->source, "pgdata");
  EXPECT_EQ(m->target, "/var/lib/postgresql/data");
  EXPECT_TRUE(m->read_only);
  EXPECT_EQ(m->volume_labels.at("a"), "b");
  EXPECT_TRUE(m->volume_driver_config);  // the CLI sends an empty DriverConfig with any volume-* option
}

TEST(MountValueTest, DefaultsAndPaths) {
  auto m = ParseMountValue("src=./data,dst=/data,type=BIND", "/home/me/app");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->type, "bind");
  EXPECT_EQ(m->source, "/home/me/app/data");
  auto tmpfs = ParseMountValue("type=tmpfs,dst=/run,tmpfs-size=64m,tmpfs-mode=1770", "/");
  ASSERT_TRUE(tmpfs.ok());
  EXPECT_EQ(tmpfs->tmpfs_size, 64 << 20);
  EXPECT_EQ(tmpfs->tmpfs_mode, 01770u);
  auto anon = ParseMountValue("dst=/cache", "/");
  ASSERT_TRUE(anon.ok());
  EXPECT_EQ(anon->type, "volume");
  EXPECT_TRUE(anon->source.empty());
}

TEST(MountValueTest, Errors) {
  auto err = [](const std::string& v) { return ParseMountValue(v, "/").status().message(); };
  EXPECT_EQ(err("type=volume,src=a,dst=/x,bogus=1"), "unexpected key 'bogus' in 'bogus=1'");
  EXPECT_EQ(err("src=a"), "target is required");
  EXPECT_EQ(err("foo"), "invalid field 'foo' must be a key=value pair");
  EXPECT_EQ(err("type=volume,src=a,dst=/x,volume-nocopy=maybe"), "invalid value for volume-nocopy: maybe");
  EXPECT_EQ(err("type=tmpfs,dst=/x,tmpfs-size=abc"), "invalid value for tmpfs-size: abc");
  EXPECT_EQ(err("type=tmpfs,dst=/x,volume-nocopy"), "cannot mix 'volume-*' options with mount type 'tmpfs'");
  EXPECT_EQ(err(""), "EOF");
  EXPECT_EQ(err("a\"b"), "parse error on line 1, column 2: bare \" in non-quoted-field");
  EXPECT_EQ(err("\"src=a\"x,dst=/x"), "parse error on line 1, column 7: extraneous or missing \" in quoted-field");
  EXPECT_EQ(BadFlagValue("mount", "a\"b", "why").message(), "invalid argument \"a\\\"b\" for \"--mount\" flag: why");
}

TEST(UlimitValueTest, SoftAndHard) {
  auto u = ParseUlimitValue("nofile=1024:2048");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->name, "nofile");
  EXPECT_EQ(u->soft, 1024);
  EXPECT_EQ(u->hard, 2048);
  EXPECT_EQ(ParseUlimitValue("nproc=10")->hard, 10);
  EXPECT_EQ(ParseUlimitValue("nofile").status().message(), "invalid ulimit argument: nofile");
  EXPECT_EQ(ParseUlimitValue("foo=1").status().message(), "invalid ulimit type: foo");
  EXPECT_EQ(ParseUlimitValue("nofile=a:b").status().message(), "strconv.ParseInt: parsing \"b\": invalid syntax");
  EXPECT_EQ(ParseUlimitValue("nofile=10:5").status().message(),
            "ulimit soft limit must be less than or equal to hard limit: 10 > 5");
}

TEST(HostAndDnsTest, DockerForms) {
  EXPECT_EQ(*ParseExtraHost("db:10.0.0.5"), "10.0.0.5 db");
  EXPECT_EQ(*ParseExtraHost("db=10.0.0.5"), "10.0.0.5 db");
  EXPECT_EQ(ParseExtraHost("foo").status().message(), "bad format for add-host: \"foo\"");
  EXPECT_EQ(ParseExtraHost("foo:notip").status().message(), "invalid IP address in add-host: \"notip\"");
  EXPECT_EQ(*ParseIpAddress("8.8.8.8"), "8.8.8.8");
  EXPECT_EQ(ParseIpAddress("1.2.3").status().message(), "IP address is not correctly formatted: 1.2.3");
  EXPECT_EQ(*ParseDnsSearch("example.com"), "example.com");
  EXPECT_EQ(ParseDnsSearch("-bad").status().message(), "-bad is not a valid domain");
}

TEST(GenericResourceTest, DiscreteOnlyForServices) {
  auto r = ParseGenericResources({"gpu=2", "ssd=1"});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].kind, "gpu");
  EXPECT_EQ((*r)[0].discrete_value, 2);
  EXPECT_EQ(ParseGenericResources({"gpu=uuid1"}).status().message(),
            "invalid generic-resource request `gpu=uuid1`, Named Generic Resources is not supported for service "
            "create or update");
  EXPECT_EQ(ParseGenericResources({"gpu=-1"}).status().message(),
            "invalid generic resource specification: could not parse GenericResource: cannot ask for negative "
            "resource gpu");
}

TEST(CapabilitiesTest, CreateAndUpdate) {
  std::vector<std::string> add, drop;
  EffectiveCapabilities({"net_admin", "CAP_SYS_TIME"}, {"chown", "net_admin"}, &add, &drop);
  EXPECT_EQ(add, (std::vector<std::string>{"CAP_NET_ADMIN", "CAP_SYS_TIME"}));
  EXPECT_EQ(drop, (std::vector<std::string>{"CAP_CHOWN"}));
  UpdateCapabilities({"chown"}, true, {"sys_time"}, true, &add, &drop);
  EXPECT_EQ(add, (std::vector<std::string>{"CAP_NET_ADMIN"}));  // dropping an added one takes it off
  EXPECT_TRUE(drop.empty());                                   // adding a dropped one un-drops it
  UpdateCapabilities({"RESET"}, true, {}, false, &add, &drop);
  EXPECT_TRUE(add.empty());
}

TEST(ShellWordsTest, QuotesAndErrors) {
  EXPECT_EQ(*SplitShellWords("sh -c 'echo hi' \"a b\""), (std::vector<std::string>{"sh", "-c", "echo hi", "a b"}));
  EXPECT_EQ(SplitShellWords("'a").status().message(), "EOF found when expecting closing quote");
  EXPECT_EQ(SplitShellWords("a\\").status().message(), "EOF found after escape character");
}

TEST(GoBoolTest, Words) {
  EXPECT_EQ(ParseGoBool("T"), true);
  EXPECT_EQ(ParseGoBool("0"), false);
  EXPECT_EQ(ParseGoBool("yes"), std::nullopt);
}

}  // namespace
}  // namespace swarmsim
