// Saved profiles of `wor` (client-sdk/cli/profiles.h, profile_selection.h):
// the file format, the file and directory modes, which profile is chosen,
// and the precedence flags > WOR_* environment > profile.
#include "client-sdk/cli/profiles.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "client-sdk/cli/global_options.h"
#include "client-sdk/cli/profile_selection.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wor::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class Profiles : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "wor-profiles-XXXXXX";
    config_home_ = mkdtemp(pattern.data());
    environment_.config_home = config_home_;
    directory_ = ProfileDirectory(environment_);
  }
  void TearDown() override { std::filesystem::remove_all(config_home_); }

  static Profile TlsProfile() {
    Profile profile;
    profile.server = "profile.example:443";
    profile.ca_file = "/p/ca.pem";
    profile.cert_file = "/p/org.pem";
    profile.key_file = "/p/org.key.pem";
    profile.token_file = "/p/coach.jwt";
    return profile;
  }

  // The global options of `wor ARGS…` after the profile is applied.
  GlobalOptions Options(const std::vector<std::string>& args) {
    absl::StatusOr<ProfileSelection> selection =
        SelectProfile(args, environment_, Language::kEnglish);
    EXPECT_TRUE(selection.ok()) << selection.status();
    absl::StatusOr<GlobalParse> parse =
        ParseGlobalOptions(args, selection->defaults);
    EXPECT_TRUE(parse.ok()) << parse.status();
    return parse->options;
  }

  std::string config_home_;
  std::string directory_;
  OptionDefaults environment_;
};

TEST_F(Profiles, LiveUnderXdgConfigHomeElseHomeDotConfig) {
  EXPECT_EQ(directory_, config_home_ + "/wor/profiles");
  OptionDefaults home_only;
  home_only.home = "/home/coach";
  EXPECT_EQ(ProfileDirectory(home_only), "/home/coach/.config/wor/profiles");
  EXPECT_EQ(ProfileDirectory(OptionDefaults()), "");
}

TEST_F(Profiles, AreSavedReadableOnlyByTheUserAndReadBackUnchanged) {
  ASSERT_TRUE(SaveProfile(directory_, "coach", TlsProfile()).ok());
  struct stat file;
  struct stat dir;
  ASSERT_EQ(stat((directory_ + "/coach").c_str(), &file), 0);
  ASSERT_EQ(stat(directory_.c_str(), &dir), 0);
  EXPECT_EQ(file.st_mode & 0777, 0600);
  EXPECT_EQ(dir.st_mode & 0777, 0700);
  absl::StatusOr<Profile> loaded = LoadProfile(directory_, "coach");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(*loaded, TlsProfile());
  EXPECT_THAT(ListProfiles(directory_), ElementsAre("coach"));
  ASSERT_TRUE(DeleteProfile(directory_, "coach").ok());
  EXPECT_TRUE(absl::IsNotFound(LoadProfile(directory_, "coach").status()));
}

TEST_F(Profiles, TheFormatIsKeyEqualsValueAndRefusesUnknownKeys) {
  EXPECT_EQ(FormatProfile(TlsProfile()),
            "# wor profile, written by `wor login`\n"
            "server = profile.example:443\n"
            "ca_file = /p/ca.pem\n"
            "cert_file = /p/org.pem\n"
            "key_file = /p/org.key.pem\n"
            "token_file = /p/coach.jwt\n");
  absl::StatusOr<Profile> parsed = ParseProfile(
      "# comment\n\n  server=a:1 \ndev_identity = kvk:1,u,COACH\n");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->server, "a:1");
  EXPECT_EQ(parsed->dev_identity, "kvk:1,u,COACH");
  absl::StatusOr<Profile> bad = ParseProfile("server = a\ntoken = secret\n");
  EXPECT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("line 2"));
  EXPECT_THAT(bad.status().message(), ::testing::Not(HasSubstr("secret")));
}

TEST_F(Profiles, TheDefaultProfileAppliesWhenNoneIsNamed) {
  ASSERT_TRUE(SaveProfile(directory_, kDefaultProfile, TlsProfile()).ok());
  const GlobalOptions options = Options({"referrals"});
  EXPECT_EQ(options.server, "profile.example:443");
  EXPECT_EQ(options.token_file, "/p/coach.jwt");
  EXPECT_EQ(options.ca_file, "/p/ca.pem");
}

TEST_F(Profiles, NoProfileAtAllIsFineWithoutOne) {
  const GlobalOptions options = Options({"referrals"});
  EXPECT_EQ(options.server, "127.0.0.1:50051");
  EXPECT_EQ(options.ca_file, "");
}

TEST_F(Profiles, ANamedProfileThatDoesNotExistSaysHowToMakeIt) {
  absl::StatusOr<ProfileSelection> selection = SelectProfile(
      {"--profile", "work", "referrals"}, environment_, Language::kEnglish);
  EXPECT_TRUE(absl::IsNotFound(selection.status()));
  EXPECT_THAT(selection.status().message(),
              HasSubstr("wor login --profile work"));
  environment_.profile = "work";  // WOR_PROFILE the same
  EXPECT_TRUE(absl::IsNotFound(
      SelectProfile({"referrals"}, environment_, Language::kEnglish).status()));
}

TEST_F(Profiles, ProfileFlagBeatsWorProfileWhichBeatsDefault) {
  Profile other = TlsProfile();
  other.server = "other.example:443";
  Profile chosen = TlsProfile();
  chosen.server = "chosen.example:443";
  ASSERT_TRUE(SaveProfile(directory_, kDefaultProfile, TlsProfile()).ok());
  ASSERT_TRUE(SaveProfile(directory_, "other", other).ok());
  ASSERT_TRUE(SaveProfile(directory_, "chosen", chosen).ok());
  environment_.profile = "other";
  EXPECT_EQ(Options({"referrals"}).server, "other.example:443");
  EXPECT_EQ(Options({"--profile", "chosen", "referrals"}).server,
            "chosen.example:443");
  EXPECT_EQ(Options({"--profile=chosen", "referrals"}).server,
            "chosen.example:443");
}

TEST_F(Profiles, FlagsBeatTheEnvironmentWhichBeatsTheProfile) {
  ASSERT_TRUE(SaveProfile(directory_, kDefaultProfile, TlsProfile()).ok());
  environment_.server = "env.example:443";
  EXPECT_EQ(Options({"referrals"}).server, "env.example:443");
  EXPECT_EQ(Options({"--server", "flag.example:443", "referrals"}).server,
            "flag.example:443");
  // A token file from the environment replaces the profile's identity
  // whole: nothing of the two is mixed.
  environment_.token_file = "/env/coach.jwt";
  environment_.ca_file = "/env/ca.pem";
  GlobalOptions options = Options({"referrals"});
  EXPECT_EQ(options.token_file, "/env/coach.jwt");
  EXPECT_EQ(options.ca_file, "/env/ca.pem");
  EXPECT_EQ(options.cert_file, "");
  // A flag beats the environment.
  options = Options({"--token-file", "/flag/coach.jwt", "referrals"});
  EXPECT_EQ(options.token_file, "/flag/coach.jwt");
}

TEST_F(Profiles, ADevIdentityOnTheCommandLineReplacesTheProfilesTls) {
  ASSERT_TRUE(SaveProfile(directory_, kDefaultProfile, TlsProfile()).ok());
  const GlobalOptions options =
      Options({"--dev-identity", "kvk:41234567,c,COACH", "referrals"});
  EXPECT_EQ(options.dev_identity, "kvk:41234567,c,COACH");
  EXPECT_EQ(options.ca_file, "");
  EXPECT_EQ(options.token_file, "");
  EXPECT_EQ(options.server, "profile.example:443");
}

TEST_F(Profiles, NamesAreChecked) {
  EXPECT_TRUE(IsValidProfileName("coach-meppel_2"));
  EXPECT_FALSE(IsValidProfileName(""));
  EXPECT_FALSE(IsValidProfileName("../etc"));
  EXPECT_FALSE(IsValidProfileName(".hidden"));
  EXPECT_FALSE(IsValidProfileName("a/b"));
}

}  // namespace
}  // namespace wor::client
