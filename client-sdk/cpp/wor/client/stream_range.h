// StreamRange<T>: the items of a paged list, fetched page by page as the
// loop advances.
//
//   for (const absl::StatusOr<wor::v1::Referral>& referral :
//        client.ListReferrals(request)) {
//     if (!referral.ok()) return referral.status();  // the last element
//     Use(*referral);
//   }
//
// Each element is a StatusOr: a failure to fetch a page (after the retries
// of an idempotent read) is the range's last element. The range is an input
// range: iterate it once. Not thread-safe. To test code that takes a range,
// build one from a vector with MakeStreamRange().
#ifndef WOR_CLIENT_STREAM_RANGE_H_
#define WOR_CLIENT_STREAM_RANGE_H_

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wor::client {

template <typename T>
class StreamRange {
 public:
  // Returns the next item, or a status: OK at the end, else the failure.
  using Reader = std::function<std::variant<absl::Status, T>()>;

  explicit StreamRange(Reader reader) : reader_(std::move(reader)) {}

  // Moving a range moves its position too: iterate only the range moved to,
  // with iterators taken from it.
  StreamRange(StreamRange&&) noexcept = default;
  StreamRange& operator=(StreamRange&&) noexcept = default;
  StreamRange(const StreamRange&) = delete;
  StreamRange& operator=(const StreamRange&) = delete;

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = absl::StatusOr<T>;
    using difference_type = std::ptrdiff_t;
    // Not const: an element may be moved out of the range.
    using reference = value_type&;
    using pointer = value_type*;

    iterator() = default;

    reference operator*() const { return *range_->current_; }
    pointer operator->() const { return &*range_->current_; }
    iterator& operator++() {
      range_->Advance();
      if (!range_->current_) range_ = nullptr;
      return *this;
    }
    // Input-iterator style (as C++20's std::input_iterator): `it++` returns
    // nothing, so use `*it` then `++it`.
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& a, const iterator& b) {
      return a.range_ == b.range_;
    }
    friend bool operator!=(const iterator& a, const iterator& b) {
      return !(a == b);
    }

   private:
    friend class StreamRange;
    explicit iterator(StreamRange* range) : range_(range) {}
    StreamRange* range_ = nullptr;
  };

  // Fetches the first item.
  iterator begin() {
    if (!started_) {
      started_ = true;
      Advance();
    }
    return current_ ? iterator(this) : iterator();
  }
  iterator end() { return iterator(); }

 private:
  void Advance() {
    if (finished_ || !reader_) {
      current_.reset();
      return;
    }
    std::variant<absl::Status, T> next = reader_();
    if (T* item = std::get_if<T>(&next)) {
      current_.emplace(std::move(*item));
      return;
    }
    finished_ = true;
    absl::Status& status = std::get<absl::Status>(next);
    if (status.ok()) {
      current_.reset();
    } else {
      current_.emplace(std::move(status));
    }
  }

  Reader reader_;
  std::optional<absl::StatusOr<T>> current_;
  bool started_ = false;
  bool finished_ = false;
};

// A range over fixed items, optionally ending in a failure: for mocks.
template <typename T>
StreamRange<T> MakeStreamRange(std::vector<T> items,
                               absl::Status final_status = absl::OkStatus()) {
  auto state = std::make_shared<std::pair<std::vector<T>, std::size_t>>(
      std::move(items), 0);
  return StreamRange<T>(
      [state, final_status]() -> std::variant<absl::Status, T> {
        if (state->second < state->first.size()) {
          return std::move(state->first[state->second++]);
        }
        return final_status;
      });
}

}  // namespace wor::client

#endif  // WOR_CLIENT_STREAM_RANGE_H_
