#include "client-sdk/cli/report_html.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "absl/time/time.h"

namespace wor::client {
namespace {

using wor::v1::StatisticsCount;
using wor::v1::StatisticsTable;

// The palette: distinguishable, and dark enough for white text (WCAG AA).
constexpr const char* kColours[] = {"#1f5f8b", "#b5532a", "#2e7d4f", "#6a4c93",
                                    "#8a6d00", "#a23b72", "#3b6e6e", "#5c5c5c"};
constexpr const char* kSuppressedColour = "#c9c9c9";

std::string Escape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Count(const StatisticsCount& count) {
  return count.has_count() ? absl::StrCat(count.count()) : "&lt;5";
}

std::string Percent(double share) {
  return absl::StrFormat("%.0f%%", share * 100);
}

std::string Euro(int64_t cents) {
  const int64_t magnitude = cents < 0 ? -cents : cents;
  const std::string digits = absl::StrCat(magnitude / 100);
  std::string grouped;  // 15000 → 15.000
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return absl::StrFormat("€ %s%s,%02d", cents < 0 ? "-" : "", grouped,
                         magnitude % 100);
}

std::string Hours(int64_t minutes, const Messages& m) {
  std::string hours = absl::StrFormat("%.1f", minutes / 60.0);
  if (m.language() == Language::kDutch) {
    std::replace(hours.begin(), hours.end(), '.', ',');
  }
  return hours;
}

std::string Date(const absl::CivilDay& day) {
  return absl::StrFormat("%02d-%02d-%04d", day.day(), day.month(), day.year());
}

// A table of counts with its totals, as published.
std::string CountTable(const StatisticsTable& table, absl::string_view caption,
                       const Messages& m) {
  std::string html =
      absl::StrCat("<table><caption>", Escape(caption),
                   "</caption><thead><tr><th scope=\"col\">", "</th>");
  for (const auto& column : table.columns()) {
    absl::StrAppend(&html, "<th scope=\"col\">", Escape(column.display_name()),
                    "</th>");
  }
  absl::StrAppend(&html, "<th scope=\"col\">", m.Pick("Totaal", "Total"),
                  "</th></tr></thead><tbody>");
  for (const auto& row : table.rows()) {
    absl::StrAppend(&html, "<tr><th scope=\"row\">",
                    Escape(row.label().display_name()), "</th>");
    for (const auto& cell : row.cells()) {
      absl::StrAppend(&html, "<td>", Count(cell), "</td>");
    }
    absl::StrAppend(&html, "<td class=\"total\">",
                    row.has_total() ? Count(row.total()) : "", "</td></tr>");
  }
  absl::StrAppend(&html, "</tbody><tfoot><tr><th scope=\"row\">",
                  m.Pick("Totaal", "Total"), "</th>");
  for (const auto& total : table.column_totals()) {
    absl::StrAppend(&html, "<td>", Count(total), "</td>");
  }
  absl::StrAppend(&html, "<td class=\"total\">", Count(table.grand_total()),
                  "</td></tr></tfoot></table>");
  return html;
}

// Stacked bars, one per column (month), one segment per row (practice)
// where the cell is published; what suppression hides is a grey segment up
// to the published column total.
std::string StackedBars(const StatisticsTable& table, const Messages& m) {
  const int columns = table.columns_size();
  if (columns == 0) return "";
  int64_t max_total = 1;
  for (const auto& total : table.column_totals()) {
    if (total.has_count()) max_total = std::max(max_total, total.count());
  }
  for (int c = 0; c < columns; ++c) {
    int64_t sum = 0;
    for (const auto& row : table.rows()) {
      if (row.cells(c).has_count()) sum += row.cells(c).count();
    }
    max_total = std::max(max_total, sum);
  }
  const int bar = 36, gap = 14, chart_height = 180, left = 40, top = 10;
  const int width = left + columns * (bar + gap) + 10;
  std::string svg = absl::StrFormat(
      "<svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
      width, chart_height + 60, width, chart_height + 60,
      m.Pick("Verwijzingen per maand per praktijk",
             "Referrals per month per practice"));
  absl::StrAppend(
      &svg,
      absl::StrFormat("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                      "stroke=\"#333\"/>",
                      left, top + chart_height, width - 5, top + chart_height));
  absl::StrAppend(&svg,
                  absl::StrFormat("<text x=\"%d\" y=\"%d\" font-size=\"11\" "
                                  "text-anchor=\"end\">%d</text>",
                                  left - 4, top + 10, max_total));
  for (int c = 0; c < columns; ++c) {
    const int x = left + gap / 2 + c * (bar + gap);
    double y = top + chart_height;
    int64_t published = 0;
    for (int r = 0; r < table.rows_size(); ++r) {
      const auto& cell = table.rows(r).cells(c);
      if (!cell.has_count() || cell.count() == 0) continue;
      published += cell.count();
      const double h = chart_height * static_cast<double>(cell.count()) /
                       static_cast<double>(max_total);
      y -= h;
      absl::StrAppend(
          &svg,
          absl::StrFormat("<rect x=\"%d\" y=\"%.1f\" width=\"%d\" "
                          "height=\"%.1f\" fill=\"%s\"><title>%s: %d</title>"
                          "</rect>",
                          x, y, bar, h, kColours[r % 8],
                          Escape(table.rows(r).label().display_name()),
                          cell.count()));
    }
    const auto& total = table.column_totals(c);
    if (total.has_count() && total.count() > published) {
      const double h = chart_height *
                       static_cast<double>(total.count() - published) /
                       static_cast<double>(max_total);
      y -= h;
      absl::StrAppend(
          &svg, absl::StrFormat("<rect x=\"%d\" y=\"%.1f\" width=\"%d\" "
                                "height=\"%.1f\" fill=\"%s\"><title>%s"
                                "</title></rect>",
                                x, y, bar, h, kSuppressedColour,
                                m.Pick("onderdrukt (&lt;5 per praktijk)",
                                       "suppressed (&lt;5 per practice)")));
    }
    absl::StrAppend(
        &svg, absl::StrFormat("<text x=\"%d\" y=\"%.1f\" font-size=\"11\" "
                              "text-anchor=\"middle\">%s</text>",
                              x + bar / 2, y - 3, Count(total)));
    absl::StrAppend(&svg,
                    absl::StrFormat("<text x=\"%d\" y=\"%d\" font-size=\"11\" "
                                    "text-anchor=\"middle\">%s</text>",
                                    x + bar / 2, top + chart_height + 16,
                                    Escape(table.columns(c).key())));
  }
  absl::StrAppend(&svg, "</svg>");
  // The legend, as text next to colour swatches.
  std::string legend = "<ul class=\"legend\">";
  for (int r = 0; r < table.rows_size(); ++r) {
    absl::StrAppend(&legend, "<li><span style=\"background:", kColours[r % 8],
                    "\"></span>", Escape(table.rows(r).label().display_name()),
                    "</li>");
  }
  absl::StrAppend(
      &legend, "<li><span style=\"background:", kSuppressedColour, "\"></span>",
      m.Pick("onderdrukt (&lt;5)", "suppressed (&lt;5)"), "</li></ul>");
  return svg + legend;
}

// Horizontal bars of values 0..max with labels.
struct Bar {
  std::string label;
  std::optional<double> value;  // absent: suppressed
  std::string text;             // what is written next to the bar
};

std::string HorizontalBars(const std::vector<Bar>& bars, double max,
                           absl::string_view title) {
  const int row = 24, label_width = 230, bar_width = 300;
  const int height = static_cast<int>(bars.size()) * row + 10;
  std::string svg = absl::StrFormat(
      "<svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
      label_width + bar_width + 90, height, label_width + bar_width + 90,
      height, Escape(title));
  for (size_t i = 0; i < bars.size(); ++i) {
    const int y = 5 + static_cast<int>(i) * row;
    absl::StrAppend(
        &svg, absl::StrFormat("<text x=\"%d\" y=\"%d\" font-size=\"12\" "
                              "text-anchor=\"end\">%s</text>",
                              label_width - 6, y + 15, Escape(bars[i].label)));
    const double w =
        bars[i].value && max > 0 ? bar_width * *bars[i].value / max : 0;
    absl::StrAppend(
        &svg, absl::StrFormat("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
                              "height=\"16\" fill=\"%s\"/>",
                              label_width, y + 3, w,
                              bars[i].value ? kColours[0] : kSuppressedColour));
    absl::StrAppend(
        &svg, absl::StrFormat("<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s"
                              "</text>",
                              label_width + w + 5, y + 15, bars[i].text));
  }
  return svg + "</svg>";
}

std::string ComplianceSection(const ReportData& data, const Messages& m) {
  const auto& stats = data.practice_by_month;
  const auto& overall = stats.compliance();
  std::string html =
      absl::StrCat("<h2>", m.Pick("Termijnen", "Deadlines"), "</h2><p>");
  if (overall.has_share_contacted_within_target()) {
    absl::StrAppend(
        &html,
        absl::Substitute(
            m.Pick("Van $0 bereikte patiënten is $1 binnen de streeftermijn "
                   "en $2 binnen de uiterste termijn gebeld. Mediaan tot "
                   "eerste contact: $3 werkdagen",
                   "Of $0 patients reached, $1 were called within the target "
                   "and $2 within the limit. Median to first contact: $3 "
                   "working days"),
            overall.has_contacted() ? absl::StrCat(overall.contacted())
                                    : std::string("&lt;5"),
            Percent(overall.share_contacted_within_target()),
            Percent(overall.share_contacted_within_limit()),
            absl::StrFormat("%.1f", overall.median_working_days_to_contact())));
    if (overall.has_median_working_days_to_intake()) {
      absl::StrAppend(
          &html, absl::Substitute(
                     m.Pick("; tot de intake: $0 werkdagen",
                            "; to the intake: $0 working days"),
                     absl::StrFormat("%.1f",
                                     overall.median_working_days_to_intake())));
    }
    absl::StrAppend(&html, ".");
  } else {
    absl::StrAppend(&html, m.Pick("Te weinig bereikte patiënten om te tonen.",
                                  "Too few patients reached to show."));
  }
  absl::StrAppend(&html, "</p>");
  std::vector<Bar> bars;
  for (const auto& row : stats.compliance_by_row()) {
    Bar bar{row.label().display_name(), std::nullopt, "&lt;5"};
    if (row.has_contacted() && row.contacted() == 0) {
      bar.text =
          std::string(m.Pick("nog niemand bereikt", "nobody reached yet"));
    }
    if (row.has_share_contacted_within_target()) {
      bar.value = row.share_contacted_within_target();
      bar.text =
          absl::StrCat(Percent(*bar.value), " (n=", row.contacted(), ")");
    }
    bars.push_back(bar);
  }
  if (!bars.empty()) {
    absl::StrAppend(&html, "<figure>",
                    HorizontalBars(bars, 1.0,
                                   m.Pick("Binnen streeftermijn gebeld, per "
                                          "praktijk",
                                          "Called within the target, per "
                                          "practice")),
                    "<figcaption>",
                    m.Pick("Aandeel bereikte patiënten dat binnen de "
                           "streeftermijn is gebeld, per praktijk.",
                           "Share of patients reached who were called "
                           "within the target, per practice."),
                    "</figcaption></figure>");
  }
  return html;
}

std::string OutcomeSection(const ReportData& data, const Messages& m) {
  std::vector<Bar> bars;
  double max = 1;
  for (const auto& row : data.by_outcome.table().rows()) {
    Bar bar{row.label().display_name(), std::nullopt, Count(row.total())};
    if (row.total().has_count()) {
      bar.value = static_cast<double>(row.total().count());
      max = std::max(max, *bar.value);
    }
    bars.push_back(bar);
  }
  if (bars.empty()) return "";
  return absl::StrCat(
      "<h2>", m.Pick("Uitkomsten", "Outcomes"), "</h2><figure>",
      HorizontalBars(
          bars, max,
          m.Pick("Uitkomst van de verwijzingen", "Outcome of the referrals")),
      "<figcaption>",
      m.Pick("Afgeronde verwijzingen naar uitkomst; de overige zijn nog open.",
             "Completed referrals by outcome; the others are still open."),
      "</figcaption></figure>");
}

std::string WellbeingSection(const ReportData& data, const Messages& m) {
  static constexpr const char* kNames[][2] = {
      {"Lichaamsfuncties", "Bodily functions"},
      {"Mentaal welbevinden", "Mental wellbeing"},
      {"Zingeving", "Meaning"},
      {"Kwaliteit van leven", "Quality of life"},
      {"Meedoen", "Participation"},
      {"Dagelijks functioneren", "Daily functioning"}};
  const int row = 26, label_width = 190, scale = 30;  // 30 px per point
  const auto& wellbeing = data.practice_by_month.wellbeing();
  std::string svg = absl::StrFormat(
      "<svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
      label_width + 10 * scale + 120, wellbeing.size() * row + 30,
      label_width + 10 * scale + 120, wellbeing.size() * row + 30,
      m.Pick("Positieve Gezondheid bij intake en afsluiting",
             "Positive Health at intake and closing"));
  for (int v = 0; v <= 10; v += 2) {
    absl::StrAppend(&svg,
                    absl::StrFormat("<text x=\"%d\" y=\"12\" font-size=\"10\" "
                                    "text-anchor=\"middle\">%d</text>",
                                    label_width + v * scale, v));
  }
  for (int i = 0; i < wellbeing.size(); ++i) {
    const auto& w = wellbeing[i];
    const int y = 20 + i * row;
    const int d = std::clamp(static_cast<int>(w.dimension()) - 1, 0, 5);
    absl::StrAppend(&svg,
                    absl::StrFormat("<text x=\"%d\" y=\"%d\" font-size=\"12\" "
                                    "text-anchor=\"end\">%s</text>",
                                    label_width - 8, y + 14,
                                    m.Pick(kNames[d][0], kNames[d][1])));
    if (!w.has_mean_change()) {
      absl::StrAppend(
          &svg, absl::StrFormat("<text x=\"%d\" y=\"%d\" font-size=\"12\" "
                                "fill=\"#555\">%s</text>",
                                label_width, y + 14,
                                m.Pick("te weinig scores (&lt;5)",
                                       "too few scores (&lt;5)")));
      continue;
    }
    const double x1 = label_width + w.mean_at_intake() * scale;
    const double x2 = label_width + w.mean_at_closing() * scale;
    absl::StrAppend(
        &svg,
        absl::StrFormat(
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" "
            "stroke-width=\"2\"/><circle cx=\"%.1f\" cy=\"%d\" r=\"6\" "
            "fill=\"%s\"/><circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"%s\"/>"
            "<text x=\"%d\" y=\"%d\" font-size=\"12\">%+.1f (n=%d)</text>",
            x1, y + 10, x2, y + 10, x1, y + 10, kColours[1], x2, y + 10,
            kColours[2], label_width + 10 * scale + 10, y + 14, w.mean_change(),
            w.scored_referrals()));
  }
  absl::StrAppend(&svg, "</svg>");
  return absl::StrCat(
      "<h2>", m.Pick("Welbevinden", "Wellbeing"), "</h2><figure>", svg,
      "<figcaption>",
      m.Pick("Gemiddelde score (0–10) bij de intake (oranje) en bij de "
             "afsluiting (groen), over afgeronde verwijzingen met beide "
             "scores.",
             "Mean score (0–10) at the intake (orange) and at the closing "
             "(green), over completed referrals scored at both."),
      "</figcaption></figure>");
}

std::string BudgetSection(const ReportData& data, const Messages& m) {
  if (!data.budget || data.budget->funders().empty()) return "";
  std::string html = absl::StrCat("<h2>", m.Pick("Budget", "Budget"), "</h2>");
  for (const auto& funder : data.budget->funders()) {
    absl::StrAppend(
        &html, "<h3>", Escape(funder.funder_display_name()), " (",
        absl::StrFormat("%02d-%02d-%04d", funder.period_start().day(),
                        funder.period_start().month(),
                        funder.period_start().year()),
        " – ",
        absl::StrFormat("%02d-%02d-%04d", funder.period_end().day(),
                        funder.period_end().month(),
                        funder.period_end().year()),
        ")</h3>");
    absl::StrAppend(
        &html, "<p>",
        absl::Substitute(m.Pick("$0 uur besteed, $1 van $2 ($3 resterend).",
                                "$0 hours used, $1 of $2 ($3 remaining)."),
                         Hours(funder.used_minutes(), m),
                         Euro(funder.used_cents()), Euro(funder.budget_cents()),
                         Euro(funder.remaining_cents())));
    if (funder.has_projection()) {
      absl::StrAppend(
          &html, " ",
          absl::Substitute(
              m.Pick("Prognose voor de hele periode: $0$1.",
                     "Projection for the whole period: $0$1."),
              Euro(funder.projection().projected_cents()),
              funder.projection().exceeds_budget()
                  ? std::string(m.Pick(" — boven budget", " — over budget"))
                  : ""));
    }
    absl::StrAppend(&html, "</p>");
    std::vector<Bar> bars;
    const double budget = static_cast<double>(funder.budget_cents());
    bars.push_back({std::string(m.Pick("Besteed", "Used")),
                    static_cast<double>(funder.used_cents()),
                    Euro(funder.used_cents())});
    if (funder.has_projection()) {
      bars.push_back(
          {std::string(m.Pick("Prognose", "Projection")),
           static_cast<double>(funder.projection().projected_cents()),
           Euro(funder.projection().projected_cents())});
    }
    bars.push_back({std::string(m.Pick("Budget", "Budget")), budget,
                    Euro(funder.budget_cents())});
    double max = budget;
    for (const Bar& b : bars) max = std::max(max, b.value.value_or(0));
    absl::StrAppend(
        &html, "<figure>",
        HorizontalBars(bars, max, m.Pick("Budgetgebruik", "Budget use")),
        "</figure>");
    absl::StrAppend(&html, "<table><caption>",
                    m.Pick("Per praktijk", "Per practice"),
                    "</caption><thead><tr><th scope=\"col\">",
                    m.Pick("Praktijk", "Practice"), "</th><th scope=\"col\">",
                    m.Pick("Uren", "Hours"), "</th><th scope=\"col\">",
                    m.Pick("Kosten", "Cost"), "</th><th scope=\"col\">",
                    m.Pick("Verwijzingen met tijd", "Referrals with time"),
                    "</th></tr></thead><tbody>");
    for (const auto& practice : funder.practices()) {
      absl::StrAppend(&html, "<tr><th scope=\"row\">",
                      Escape(practice.practice_display_name().empty()
                                 ? practice.practice_agb()
                                 : practice.practice_display_name()),
                      "</th><td>", Hours(practice.minutes(), m), "</td><td>",
                      Euro(practice.cost_cents()), "</td><td>",
                      practice.has_referrals_with_time()
                          ? absl::StrCat(practice.referrals_with_time())
                          : "&lt;5",
                      "</td></tr>");
    }
    absl::StrAppend(&html, "</tbody></table>");
  }
  return html;
}

constexpr char kStyle[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.45}h1{font-size:1.6rem}h2{border-bottom:2px solid #1f5f8b;"
    "padding-bottom:.2rem;margin-top:2rem}.headline{font-size:1.3rem;"
    "background:#eef4f8;padding:.8rem 1rem;border-left:6px solid #1f5f8b}"
    "table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}"
    "caption{text-align:left;font-weight:600;padding:.3rem 0}"
    "th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:right}"
    "th[scope=row]{text-align:left}thead th{background:#f0f0f0}"
    "td.total,tfoot td{font-weight:600}figure{margin:1rem 0}"
    "figcaption{font-size:.85rem;color:#444}.legend{list-style:none;"
    "padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem}"
    ".legend span{display:inline-block;width:.9rem;height:.9rem;"
    "margin-right:.3rem;vertical-align:-.1rem}.note{font-size:.85rem;"
    "color:#444}";

}  // namespace

std::string ReportHeadline(const ReportData& data, const Messages& m) {
  const StatisticsTable& groups = data.by_group.table();
  // Practices with referrals per group: a practice's group is the column
  // where its count is not 0 (suppressed counts are never 0).
  const StatisticsTable& membership = data.practice_by_group.table();
  std::vector<std::string> parts;
  for (const auto& group : groups.rows()) {
    int practices = 0;
    for (const auto& practice : membership.rows()) {
      for (int c = 0; c < membership.columns_size(); ++c) {
        if (membership.columns(c).key() != group.label().key()) continue;
        const auto& cell = practice.cells(c);
        if (!cell.has_count() || cell.count() > 0) ++practices;
      }
    }
    parts.push_back(absl::Substitute(
        m.Pick("$0 uit $1 $2", "$0 from $1 $2"), Count(group.total()),
        practices,
        Escape(absl::AsciiStrToLower(group.label().display_name()))));
  }
  return absl::StrCat(Count(groups.grand_total()), " ",
                      m.Pick("verwijzingen", "referrals"), ": ",
                      absl::StrJoin(parts, ", "));
}

std::string RenderReportHtml(const ReportData& data, const Messages& m) {
  const std::string period =
      absl::StrCat(Date(data.from), " – ", Date(data.to));
  std::string html = absl::StrCat(
      "<!DOCTYPE html><html lang=\"", m.Pick("nl", "en"),
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>",
      m.Pick("Welzijn op Recept — regionale rapportage",
             "Welzijn op Recept — regional report"),
      " ", period, "</title><style>", kStyle, "</style></head><body><h1>",
      m.Pick("Welzijn op Recept — regionale rapportage",
             "Welzijn op Recept — regional report"),
      "</h1><p>", m.Pick("Periode", "Period"), ": ", period,
      "</p><p class=\"headline\">", ReportHeadline(data, m), "</p>");
  absl::StrAppend(
      &html, "<p class=\"note\">",
      m.Pick("Anoniem: aantallen van 1 tot 4 zijn onderdrukt (&lt;5), en zo "
             "nodig ook andere cellen, zodat ze niet uit de totalen zijn af "
             "te leiden.",
             "Anonymous: counts of 1 to 4 are suppressed (&lt;5), and other "
             "cells where needed, so that they cannot be worked out from the "
             "totals."),
      "</p>");
  absl::StrAppend(&html, "<h2>",
                  m.Pick("Verwijzingen per maand", "Referrals per month"),
                  "</h2><figure>",
                  StackedBars(data.practice_by_month.table(), m), "</figure>",
                  CountTable(data.practice_by_month.table(),
                             m.Pick("Verwijzingen per praktijk per maand",
                                    "Referrals per practice per month"),
                             m));
  absl::StrAppend(&html, ComplianceSection(data, m), OutcomeSection(data, m),
                  WellbeingSection(data, m), BudgetSection(data, m));
  absl::StrAppend(&html, "</body></html>\n");
  return html;
}

}  // namespace wor::client
