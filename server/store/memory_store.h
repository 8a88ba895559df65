// An in-memory Store: the reference implementation for tests and demos.
// Nothing survives the process. Thread-safe: writes are serialised by one
// mutex, and a transaction's writes are buffered and applied only when its
// function succeeds.
#ifndef WOR_SERVER_STORE_MEMORY_STORE_H_
#define WOR_SERVER_STORE_MEMORY_STORE_H_

#include <memory>

#include "server/store/store.h"

namespace wor::server {

std::unique_ptr<Store> NewMemoryStore();

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_MEMORY_STORE_H_
