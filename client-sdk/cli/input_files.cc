#include "client-sdk/cli/input_files.h"

#include <fstream>
#include <istream>
#include <sstream>

#include "absl/status/status.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"

namespace wor::client {
namespace {

// Keeps the first parse error; protobuf reports lines and columns from 0.
class FirstErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (has_error_) return;
    has_error_ = true;
    line_ = line + 1;
    column_ = column + 1;
    message_ = message;
  }

  bool has_error() const { return has_error_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  bool has_error_ = false;
  int line_ = 0;
  int column_ = 0;
  std::string message_;
};

}  // namespace

absl::StatusOr<std::string> ReadInput(absl::string_view path, std::istream& in,
                                      const Messages& messages) {
  std::ostringstream content;
  if (path == "-") {
    content << in.rdbuf();
    if (in.bad()) {
      return absl::InvalidArgumentError(messages.Format(Msg::kCannotRead, "-"));
    }
    return content.str();
  }
  std::ifstream file{std::string(path), std::ios::binary};
  if (!file) {
    return absl::InvalidArgumentError(messages.Format(Msg::kCannotRead, path));
  }
  content << file.rdbuf();
  return content.str();
}

absl::StatusOr<wor::v1::Referral> ParseReferralText(absl::string_view text,
                                                    absl::string_view source,
                                                    const Messages& messages) {
  FirstErrorCollector errors;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  wor::v1::Referral referral;
  if (!parser.ParseFromString(std::string(text), &referral)) {
    return absl::InvalidArgumentError(
        messages.Format(Msg::kBadTextproto, source, errors.line(),
                        errors.column(), errors.message()));
  }
  return referral;
}

}  // namespace wor::client
