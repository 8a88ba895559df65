#include "server/domain/idempotency.h"

#include <openssl/evp.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "server/common/status_macros.h"

namespace wor::server {

std::string RequestDigest(const google::protobuf::Message& request) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&coded);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(),
             nullptr);
  return std::string(reinterpret_cast<const char*>(digest), length);
}

absl::StatusOr<bool> ReplayIfSeen(WriteTransaction& tx,
                                  const std::string& request_id,
                                  absl::string_view method,
                                  const std::string& digest,
                                  google::protobuf::Message* result) {
  WOR_ASSIGN_OR_RETURN(std::optional<IdempotencyRecord> record,
                       tx.FindIdempotencyRecord(request_id));
  if (!record.has_value()) return false;
  if (record->method != method || record->request_digest != digest) {
    return absl::AlreadyExistsError(
        "request_id: already used for a different request; use a new "
        "request_id for a new request, and the same one only to retry the "
        "identical request");
  }
  if (record->result.empty() && !record->patient_pseudonym.empty()) {
    return absl::FailedPreconditionError(
        "request_id: this request was done before, but the patient's data "
        "has since been erased on their request");
  }
  if (!result->ParseFromString(record->result)) {
    return absl::DataLossError(
        "the stored result of this request cannot be read");
  }
  return true;
}

absl::Status RememberResult(WriteTransaction& tx, const std::string& request_id,
                            absl::string_view method, const std::string& digest,
                            const google::protobuf::Message& result,
                            const std::string& patient_pseudonym) {
  return tx.InsertIdempotencyRecord(
      request_id,
      IdempotencyRecord{std::string(method), digest, result.SerializeAsString(),
                        patient_pseudonym});
}

}  // namespace wor::server
