// Turns a List… RPC with page_token / next_page_token into a StreamRange:
// the next page is fetched (with the retries of a read) when the items of
// the previous one are used up.
#ifndef WOR_CLIENT_INTERNAL_PAGED_RANGE_H_
#define WOR_CLIENT_INTERNAL_PAGED_RANGE_H_

#include <cstddef>
#include <memory>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "wor/client/stream_range.h"

namespace wor::client::internal {

// `fetch(request)` returns one page (absl::StatusOr<Response>);
// `items(response)` returns a pointer to the page's repeated item field.
template <typename Item, typename Request, typename FetchPage, typename ItemsOf>
StreamRange<Item> MakePagedRange(Request request, FetchPage fetch,
                                 ItemsOf items) {
  struct State {
    Request request;
    std::vector<Item> page;
    std::size_t next = 0;
    bool last_page = false;
  };
  auto state = std::make_shared<State>();
  state->request = std::move(request);
  return StreamRange<Item>(
      [state, fetch = std::move(fetch),
       items = std::move(items)]() mutable -> std::variant<absl::Status, Item> {
        while (state->next == state->page.size()) {
          if (state->last_page) return absl::OkStatus();
          auto response = fetch(state->request);
          if (!response.ok()) return response.status();
          state->page.clear();
          state->next = 0;
          for (Item& item : *items(*response)) {
            state->page.push_back(std::move(item));
          }
          state->request.set_page_token(response->next_page_token());
          state->last_page = response->next_page_token().empty();
        }
        return std::move(state->page[state->next++]);
      });
}

}  // namespace wor::client::internal

#endif  // WOR_CLIENT_INTERNAL_PAGED_RANGE_H_
