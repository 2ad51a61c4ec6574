// Whole-cluster snapshots: `swarmsim save FILE` and `swarmsim load FILE`.
//
// A snapshot is a copy of the cluster database (objects, event log, decisions,
// command log, logs: every table), so a loaded cluster replays and verifies like
// the one it was saved from. Loading copies every table the open database has,
// generically: tables the file lacks (an older schema) are emptied, columns the
// file lacks take their defaults; meta.schema_version stays this build's.
#pragma once

#include <string>

#include "core/status.h"
#include "core/store/database.h"

namespace swarmsim {

// Writes the database's current content (including this transaction's changes)
// to `path`, replacing the file: the same schema, every row. IOError
// "save P: <reason>" when it cannot be written; InvalidArgument when `path` is
// the cluster database itself.
Status SaveSnapshot(Database* db, const std::string& path);

// Replaces every table's rows in `db` with those of the snapshot at `path`.
// REQUIRES: inside db->Begin(); on error the caller rolls back. Errors, one line:
//   NotFound            "open P: no such file or directory"
//   InvalidArgument     "load P: not a swarmsim cluster file"
//   FailedPrecondition  "load P: written by a newer swarmsim (schema N, this build reads M)"
Status LoadSnapshot(Database* db, const std::string& path);

}  // namespace swarmsim
