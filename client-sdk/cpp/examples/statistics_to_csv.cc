// Pulls anonymous referral statistics (practice by month) to CSV over mutual
// TLS, as a municipality analyst does; the C++ twin of
// client-sdk/python/examples/statistics_to_csv.py.
//
//   WOR_SERVER=wor.example.nl:443 WOR_CA_FILE=ca.pem \
//   WOR_CERT_FILE=partner-gemeente-meppel.pem \
//   WOR_KEY_FILE=partner-gemeente-meppel.key.pem \
//   WOR_TOKEN_FILE=analyst.jwt ./statistics_to_csv 2026-01-01 2026-06-30
//
// One line per cell and per total; a count the server suppressed (1 to 4,
// or what would give one away) has an empty `count` and `suppressed` 1.
// Exit code 0 on success, 2 for wrong arguments, 1 when the call failed
// (the reason on stderr).
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "wor/client/client.h"

namespace {

std::string Env(const char* name, const char* fallback = "") {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

bool ParseDate(const std::string& text, wor::v1::LocalDate* date) {
  int year = 0, month = 0, day = 0;
  char rest = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &rest) !=
      3) {
    return false;
  }
  date->set_year(year);
  date->set_month(month);
  date->set_day(day);
  return true;
}

// A CSV field: quoted when it holds a comma, a quote or a line break.
std::string Field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void Line(const wor::v1::StatisticsLabel& row,
          const wor::v1::StatisticsLabel& column,
          const wor::v1::StatisticsCount& count) {
  std::cout << Field(row.key()) << "," << Field(row.display_name()) << ","
            << Field(column.key()) << "," << Field(column.display_name()) << ","
            << (count.has_count() ? std::to_string(count.count()) : "") << ","
            << (count.has_count() ? 0 : 1) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  wor::v1::GetReferralStatisticsRequest request;
  if (argc != 3 || !ParseDate(argv[1], request.mutable_period_start()) ||
      !ParseDate(argv[2], request.mutable_period_end())) {
    std::cerr << "usage: statistics_to_csv FROM TO   (dates as YYYY-MM-DD)\n";
    return 2;
  }
  request.set_rows(wor::v1::STATISTICS_DIMENSION_PRACTICE);
  request.set_columns(wor::v1::STATISTICS_DIMENSION_MONTH);

  wor::client::Options options;
  options.endpoint = Env("WOR_SERVER", "127.0.0.1:50051");
  options.ca_file = Env("WOR_CA_FILE");
  options.cert_file = Env("WOR_CERT_FILE");
  options.key_file = Env("WOR_KEY_FILE");
  if (const std::string token_file = Env("WOR_TOKEN_FILE");
      !token_file.empty()) {
    options.token_provider = wor::client::TokenFromFile(token_file);
  }
  wor::client::PartnerClient client(
      wor::client::MakePartnerConnection(options));
  absl::StatusOr<wor::v1::GetReferralStatisticsResponse> statistics =
      client.GetReferralStatistics(request);
  if (!statistics.ok()) {
    std::cerr << "statistics_to_csv: " << statistics.status() << "\n";
    return 1;
  }

  const wor::v1::StatisticsTable& table = statistics->table();
  wor::v1::StatisticsLabel total;
  total.set_key("TOTAL");
  total.set_display_name("Totaal");
  std::cout << "row_key,row_name,column_key,column_name,count,suppressed\n";
  for (const auto& row : table.rows()) {
    for (int c = 0; c < row.cells_size(); ++c) {
      Line(row.label(), table.columns(c), row.cells(c));
    }
    Line(row.label(), total, row.total());
  }
  for (int c = 0; c < table.column_totals_size(); ++c) {
    Line(total, table.columns(c), table.column_totals(c));
  }
  Line(total, total, table.grand_total());
  return 0;
}
