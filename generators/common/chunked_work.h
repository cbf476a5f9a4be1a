#pragma once
// Spreading a list of items over the machine's cores, in chunks taken in list order.

#include <cstddef>
#include <functional>

namespace thidua {

/// How many workers to use for `items` items in chunks of `chunk`: one per core, at most 8, at most one
/// per chunk, at least 1.
size_t workerCount(size_t items, size_t chunk);

/// Calls work(begin, end, worker) for consecutive chunks [begin, end) of [0, n), each of at most `chunk`
/// items, taken in list order by `workers` threads; worker 0 is the calling thread, so `work` may keep
/// per-worker state indexed by `worker`. A slow chunk never leaves a core idle. After a failure no
/// further chunk is started, and the exception of the lowest failing chunk is rethrown, so the error
/// reported is the first one in list order. If threads cannot be started, fewer workers do the work.
void inChunks(size_t n, size_t chunk, size_t workers, const std::function<void(size_t, size_t, size_t)>& work);

}  // namespace thidua
