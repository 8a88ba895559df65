// An in-memory Store: the reference implementation for tests and demos.
// Nothing survives the process. Thread-safe: writes are serialised by one
// mutex, and a transaction's writes are buffered and applied only when its
// function succeeds.
//
// It seals personal data exactly as the SQLite store does (it keeps only the
// sealed form), so erasing a patient's key has the same effect on both.
#ifndef WOR_SERVER_STORE_MEMORY_STORE_H_
#define WOR_SERVER_STORE_MEMORY_STORE_H_

#include <memory>

#include "server/store/patient_keyring.h"
#include "server/store/store.h"

namespace wor::server {

// `keyring` is required (the process aborts without one) and must outlive
// the store.
std::unique_ptr<Store> NewMemoryStore(PatientKeyring* keyring);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_MEMORY_STORE_H_
