// The swarm's root CA at `swarm init`: one P-256 key, one self-signed certificate
// (one RFC 6979 ECDSA signature), with core/ca's own arithmetic.
#include <benchmark/benchmark.h>

#include "core/ca/root_ca.h"

namespace swarmsim {
namespace {

void BM_CreateRootCa(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(CreateRootCa("1hribenzehxvjc8n3xu26tem0", 1767603600 * kSecond));
}
BENCHMARK(BM_CreateRootCa)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace swarmsim
