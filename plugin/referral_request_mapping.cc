#include "plugin/referral_request_mapping.h"

#include <openssl/evp.h>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"
#include "wor/v1/common.pb.h"

namespace wor::plugin {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// YYYY-MM-DD (an HTML date input's value) into a LocalDate message.
bool SetDate(absl::string_view text, Message* date) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
  int year = 0, month = 0, day = 0;
  if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &year) ||
      !absl::SimpleAtoi(parts[1], &month) ||
      !absl::SimpleAtoi(parts[2], &day)) {
    return false;
  }
  auto* local = dynamic_cast<wor::v1::LocalDate*>(date);
  if (local == nullptr) return false;
  local->set_year(year);
  local->set_month(month);
  local->set_day(day);
  return true;
}

// Puts `values` into the field at `path` of `root`; a value that does not
// fit (unknown enum name, unreadable date) is skipped.
absl::Status SetPath(Message* root, absl::string_view path,
                     const std::vector<std::string>& values) {
  std::vector<std::string> segments = absl::StrSplit(path, '.');
  Message* message = root;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Descriptor* descriptor = message->GetDescriptor();
    const Reflection* reflection = message->GetReflection();
    const FieldDescriptor* field = descriptor->FindFieldByName(segments[i]);
    if (field == nullptr) {
      return absl::InternalError(absl::StrCat(
          "the referral form names the field ", path,
          ", which this plugin's Referral message does not have; update "
          "the plugin"));
    }
    const bool last = i + 1 == segments.size();
    if (!last) {
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
          field->is_repeated()) {
        return absl::InternalError(
            absl::StrCat("cannot fill the form field ", path));
      }
      message = reflection->MutableMessage(message, field);
      continue;
    }
    for (const std::string& value : values) {
      switch (field->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING:
          if (field->is_repeated()) {
            reflection->AddString(message, field, value);
          } else {
            reflection->SetString(message, field, value);
          }
          break;
        case FieldDescriptor::CPPTYPE_ENUM: {
          const auto* enum_value = field->enum_type()->FindValueByName(value);
          if (enum_value == nullptr) break;
          if (field->is_repeated()) {
            reflection->AddEnum(message, field, enum_value);
          } else {
            reflection->SetEnum(message, field, enum_value);
          }
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE:
          if (!field->is_repeated()) {
            Message* date = reflection->MutableMessage(message, field);
            if (!SetDate(value, date)) reflection->ClearField(message, field);
          }
          break;
        default:
          return absl::InternalError(
              absl::StrCat("cannot fill the form field ", path));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

const wor::v1::FormQuestion* FindQuestion(const wor::v1::ReferralForm& form,
                                          absl::string_view field) {
  for (const auto& section : form.sections()) {
    for (const auto& question : section.questions()) {
      if (question.field() == field) return &question;
    }
  }
  return nullptr;
}

bool IsAnsweredByPlugin(const wor::v1::FormQuestion& question) {
  return question.field() == "route";
}

std::string RequestIdForNonce(absl::string_view nonce) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(nonce.data(), nonce.size(), digest, &length, EVP_sha256(),
             nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "plugin-";
  for (unsigned int i = 0; i < 16 && i < length; ++i) {
    id.push_back(kHex[digest[i] >> 4]);
    id.push_back(kHex[digest[i] & 15]);
  }
  return id;
}

absl::StatusOr<wor::v1::CreateReferralRequest> BuildCreateReferralRequest(
    const wor::v1::ReferralForm& form, const FieldValues& submitted,
    const ReferralContext& context) {
  wor::v1::CreateReferralRequest request;
  wor::v1::Referral* referral = request.mutable_referral();
  for (const auto& section : form.sections()) {
    for (const auto& question : section.questions()) {
      if (IsAnsweredByPlugin(question)) continue;
      std::vector<std::string> values;
      auto [begin, end] = submitted.equal_range(question.field());
      for (auto it = begin; it != end; ++it) {
        if (!it->second.empty()) values.push_back(it->second);
      }
      if (values.empty()) continue;
      if (absl::Status s = SetPath(referral, question.field(), values);
          !s.ok()) {
        return s;
      }
    }
  }
  referral->set_route(wor::v1::REFERRAL_ROUTE_EHR_PLUGIN);
  referral->mutable_patient()->set_ehr_patient_reference(
      context.ehr_patient_reference);
  referral->mutable_consent()->mutable_obtain_time()->set_seconds(
      absl::ToUnixSeconds(context.consent_time));
  request.set_request_id(RequestIdForNonce(context.form_nonce));
  return request;
}

FieldError FieldErrorFromStatus(const absl::Status& status) {
  FieldError error;
  error.refusal = status.code() == absl::StatusCode::kFailedPrecondition;
  absl::string_view message = status.message();
  size_t colon = message.find(": ");
  if (colon == absl::string_view::npos ||
      !absl::StartsWith(message, "referral.")) {
    error.message = std::string(message);
    return error;
  }
  absl::string_view path = message.substr(0, colon);
  path = absl::StripPrefix(path, "referral.");
  std::string field;
  for (absl::string_view segment : absl::StrSplit(path, '.')) {
    size_t bracket = segment.find('[');
    if (!field.empty()) field.push_back('.');
    absl::StrAppend(&field, segment.substr(0, bracket));
  }
  error.field = field;
  error.message = std::string(message.substr(colon + 2));
  return error;
}

}  // namespace wor::plugin
