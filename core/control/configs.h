// Configs and secrets as swarm's control API handles them (swarmkit's
// controlapi/config.go and secret.go share one shape, so one set of functions
// serves both; `kind` picks the store and the word in messages).
//
// A secret's data never leaves here except into a task's file system: no event,
// decision or message built below carries it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

// The store of one kind (state->configs or state->secrets).
std::map<std::string, Config>& Blobs(ClusterState* state, BlobKind kind);
const std::map<std::string, Config>& Blobs(const ClusterState& state, BlobKind kind);

// Size limit, exclusive: secrets 512000 bytes (500 KiB), configs 1024000 (1000 KiB).
size_t MaxBlobSize(BlobKind kind);

// Checks name and data as the API does. Errors (daemon-wrapped, InvalidArgument):
// "invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end
// character must be [a-zA-Z0-9]"; "config data must be larger than 0 and less than
// 1024000 bytes" (secret: 512000).
Status ValidateBlob(BlobKind kind, const std::string& name, const std::string& data);

// Creates a config or secret and returns its ID. Records `<kind> create` with the
// name. Errors: ValidateBlob's; "rpc error: code = AlreadyExists desc = config NAME
// already exists".
Result<std::string> CreateBlob(ClusterState* state, BlobKind kind, const std::string& name,
                               const std::map<std::string, std::string>& labels, const std::string& data,
                               const std::string& driver = "");

// Finds one by full ID, exact name, then unique ID prefix. Errors: "Error response
// from daemon: config X not found", "... config X is ambiguous (N matches found)".
Result<Config*> ResolveBlob(ClusterState* state, BlobKind kind, const std::string& ref);

// The names of the services whose spec references the object `id`, sorted.
std::vector<std::string> BlobUsers(const ClusterState& state, BlobKind kind, const std::string& id);

// Removes it unless a service spec references it: "rpc error: code = InvalidArgument
// desc = config 'NAME' is in use by the following service: a" ("services: a, b").
// Records `<kind> remove`.
Status RemoveBlob(ClusterState* state, BlobKind kind, const std::string& id);

// The only update swarm allows: new labels with the same data. Different data:
// "rpc error: code = InvalidArgument desc = only updates to Labels are allowed".
// Records `<kind> update` only when the labels changed.
Status UpdateBlobLabels(ClusterState* state, BlobKind kind, const std::string& id,
                        const std::map<std::string, std::string>& labels, const std::string& data);

// Fills the ID of every reference with none by exact name, as the CLI does before
// sending a service spec: "secret not found: NAME" / "config not found: NAME".
// Also refuses two references with one target: "duplicate secret target for NAME not allowed".
Status ResolveFileReferences(const ClusterState& state, BlobKind kind, std::vector<FileReference>* refs);

// The daemon's check on a whole spec: two references of one kind with the same target:
// "rpc error: code = InvalidArgument desc = secret references 'a' and 'b' have a
// conflicting target: 'x'".
Status CheckFileReferenceTargets(BlobKind kind, const std::vector<FileReference>& refs);

}  // namespace swarmsim
