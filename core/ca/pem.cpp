#include "core/ca/pem.h"

#include "core/format/base64.h"

namespace swarmsim {

std::string PemEncode(std::string_view type, std::string_view der) {
  std::string out = "-----BEGIN " + std::string(type) + "-----\n";
  std::string body = Base64Encode(der);
  for (size_t i = 0; i < body.size(); i += 64) out += body.substr(i, 64) + "\n";
  return out + "-----END " + std::string(type) + "-----\n";
}

}  // namespace swarmsim
