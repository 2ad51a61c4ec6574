// ASN.1 DER encoding (X.690), only the types an X.509 certificate uses. Every
// function returns one complete element: tag, definite minimal length, contents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/time.h"

namespace swarmsim {

std::string DerElement(uint8_t tag, std::string_view contents);
std::string DerSequence(std::string_view contents);
std::string DerSet(std::string_view contents);
// A non-negative INTEGER from big-endian magnitude bytes (leading zeros dropped,
// a zero octet added when the top bit is set, as DER's two's complement needs).
std::string DerUnsignedInteger(std::string_view big_endian);
std::string DerSmallInteger(int64_t value);  // REQUIRES: value >= 0
// "1.2.840.10045.2.1" -> OBJECT IDENTIFIER. REQUIRES: a well-formed dotted OID.
std::string DerOid(std::string_view dotted);
std::string DerBoolean(bool value);
std::string DerBitString(std::string_view bytes);  // whole bytes: no unused bits
std::string DerOctetString(std::string_view bytes);
std::string DerPrintableString(std::string_view text);
// RFC 5280 4.1.2.5: UTCTime (YYMMDDHHMMSSZ) through 2049, GeneralizedTime from
// 2050. Whole seconds (the fraction is dropped).
std::string DerTime(Time t);
// [n] EXPLICIT: a constructed context-specific tag around `element`.
std::string DerExplicit(int n, std::string_view element);

}  // namespace swarmsim
