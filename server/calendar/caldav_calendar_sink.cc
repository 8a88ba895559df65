#include "server/calendar/caldav_calendar_sink.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "server/calendar/calendar_entries.h"
#include "server/common/status_macros.h"

namespace wor::server {
namespace {

constexpr long kCreated = 201;
constexpr long kNoContent = 204;
constexpr long kOk = 200;
constexpr long kNotFound = 404;
constexpr long kConflict = 409;  // Radicale: the collection is missing
constexpr long kPreconditionFailed = 412;

// RFC 3986 unreserved characters stay; everything else is %XX.
std::string PercentEncode(absl::string_view segment) {
  std::string out;
  for (char c : segment) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out += c;
    } else {
      absl::StrAppend(&out, "%", absl::Hex(u, absl::kZeroPad2));
    }
  }
  return out;
}

bool IsSuccess(long status) {
  return status == kOk || status == kCreated || status == kNoContent;
}

// A status for an unexpected HTTP answer: the method and the code, never a
// body.
absl::Status HttpError(absl::string_view what, long status) {
  const std::string message =
      absl::StrCat("CalDAV ", what, " answered HTTP ", status);
  if (status == 401 || status == 403) {
    return absl::PermissionDeniedError(
        absl::StrCat(message,
                     "; check calendar.caldav.username, password_file and the "
                     "server's rights for calendar_path_template"));
  }
  if (status >= 500) return absl::UnavailableError(message);
  return absl::FailedPreconditionError(message);
}

}  // namespace

absl::StatusOr<std::string> CaldavCalendarSink::CollectionPath(
    const std::string& coach) const {
  const std::string coach_id = CoachIdOf(coach);
  if (coach_id.empty()) {
    return absl::InvalidArgumentError(
        "coach: expected welfareOrganisations/{kvk_number}/coaches/{coach_id}");
  }
  std::string path = absl::StrReplaceAll(
      path_template_, {{"{coach}", PercentEncode(coach_id)}});
  if (path.empty() || path.front() != '/') path = absl::StrCat("/", path);
  if (path.back() != '/') path += '/';
  return path;
}

absl::StatusOr<std::string> CaldavCalendarSink::ObjectPath(
    const std::string& coach, const std::string& uid) const {
  WOR_ASSIGN_OR_RETURN(std::string collection, CollectionPath(coach));
  return absl::StrCat(collection, PercentEncode(uid), ".ics");
}

absl::StatusOr<CaldavResponse> CaldavCalendarSink::PutOnce(
    const std::string& path, const std::string& icalendar,
    const std::string& known_etag) {
  WOR_ASSIGN_OR_RETURN(
      CaldavResponse response,
      client_->Put(path, icalendar,
                   known_etag.empty() ? Precondition::kCreateOnly
                                      : Precondition::kIfMatch,
                   known_etag));
  if (response.status == kPreconditionFailed) {
    // Changed or created outside (or by an attempt we never heard back
    // from): this server's version wins.
    return client_->Put(path, icalendar, Precondition::kNone, "");
  }
  return response;
}

absl::StatusOr<std::string> CaldavCalendarSink::Put(
    const std::string& coach, const std::string& uid,
    const std::string& icalendar, const std::string& known_etag) {
  WOR_ASSIGN_OR_RETURN(std::string path, ObjectPath(coach, uid));
  WOR_ASSIGN_OR_RETURN(CaldavResponse response,
                       PutOnce(path, icalendar, known_etag));
  if (response.status == kConflict) {
    WOR_ASSIGN_OR_RETURN(std::string collection, CollectionPath(coach));
    WOR_ASSIGN_OR_RETURN(CaldavResponse made,
                         client_->MakeCalendar(collection));
    // 409 again: made meanwhile by someone else; the retried put tells.
    if (made.status != kCreated && made.status != kConflict) {
      return HttpError("MKCALENDAR", made.status);
    }
    WOR_ASSIGN_OR_RETURN(response, PutOnce(path, icalendar, ""));
  }
  if (!IsSuccess(response.status)) return HttpError("PUT", response.status);
  return response.etag;
}

absl::Status CaldavCalendarSink::Remove(const std::string& coach,
                                        const std::string& uid,
                                        const std::string& known_etag) {
  WOR_ASSIGN_OR_RETURN(std::string path, ObjectPath(coach, uid));
  WOR_ASSIGN_OR_RETURN(
      CaldavResponse response,
      client_->Delete(
          path,
          known_etag.empty() ? Precondition::kNone : Precondition::kIfMatch,
          known_etag));
  if (response.status == kPreconditionFailed) {
    WOR_ASSIGN_OR_RETURN(response,
                         client_->Delete(path, Precondition::kNone, ""));
  }
  if (response.status == kNotFound || response.status == kConflict ||
      IsSuccess(response.status)) {
    return absl::OkStatus();
  }
  return HttpError("DELETE", response.status);
}

}  // namespace wor::server
