#include "core/ca/p256.h"

namespace swarmsim {

namespace {

const U256& FieldPrime() {
  static const U256 v = U256FromHex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
  return v;
}
const U256& GroupOrder() {
  static const U256 v = U256FromHex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  return v;
}
const U256& CurveB() {
  static const U256 v = U256FromHex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
  return v;
}
const U256& GeneratorX() {
  static const U256 v = U256FromHex("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
  return v;
}
const U256& GeneratorY() {
  static const U256 v = U256FromHex("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");
  return v;
}

// Jacobian coordinates (x = X/Z^2, y = Y/Z^3) in Montgomery form; Z = 0 is infinity.
struct Jacobian {
  U256 x, y, z;
};

Jacobian ToJacobian(const P256Point& p) {
  const ModRing& f = P256Field();
  if (p.infinity) return {f.one(), f.one(), U256{}};
  return {f.ToMont(p.x), f.ToMont(p.y), f.one()};
}

P256Point ToAffine(const Jacobian& p) {
  const ModRing& f = P256Field();
  P256Point out;
  if (IsZero(p.z)) {
    out.infinity = true;
    return out;
  }
  U256 zinv = f.Inverse(p.z);
  U256 zinv2 = f.Mul(zinv, zinv);
  out.x = f.FromMont(f.Mul(p.x, zinv2));
  out.y = f.FromMont(f.Mul(p.y, f.Mul(zinv2, zinv)));
  return out;
}

// dbl-2001-b (a = -3), from the Explicit-Formulas Database.
Jacobian Double(const Jacobian& p) {
  const ModRing& f = P256Field();
  if (IsZero(p.z) || IsZero(p.y)) return {f.one(), f.one(), U256{}};
  U256 delta = f.Mul(p.z, p.z);
  U256 gamma = f.Mul(p.y, p.y);
  U256 beta = f.Mul(p.x, gamma);
  U256 t = f.Mul(f.Sub(p.x, delta), f.Add(p.x, delta));
  U256 alpha = f.Add(f.Add(t, t), t);
  U256 beta4 = f.Add(beta, beta);
  beta4 = f.Add(beta4, beta4);
  U256 beta8 = f.Add(beta4, beta4);
  Jacobian r;
  r.x = f.Sub(f.Mul(alpha, alpha), beta8);
  U256 yz = f.Add(p.y, p.z);
  r.z = f.Sub(f.Sub(f.Mul(yz, yz), gamma), delta);
  U256 gamma2 = f.Mul(gamma, gamma);
  U256 g8 = f.Add(gamma2, gamma2);
  g8 = f.Add(g8, g8);
  g8 = f.Add(g8, g8);
  r.y = f.Sub(f.Mul(alpha, f.Sub(beta4, r.x)), g8);
  return r;
}

// add-2007-bl, with the cases it leaves out (infinity, equal points, inverses).
Jacobian AddJacobian(const Jacobian& p, const Jacobian& q) {
  const ModRing& f = P256Field();
  if (IsZero(p.z)) return q;
  if (IsZero(q.z)) return p;
  U256 z1z1 = f.Mul(p.z, p.z);
  U256 z2z2 = f.Mul(q.z, q.z);
  U256 u1 = f.Mul(p.x, z2z2);
  U256 u2 = f.Mul(q.x, z1z1);
  U256 s1 = f.Mul(f.Mul(p.y, q.z), z2z2);
  U256 s2 = f.Mul(f.Mul(q.y, p.z), z1z1);
  U256 h = f.Sub(u2, u1);
  U256 rr = f.Sub(s2, s1);
  if (IsZero(h)) {
    if (IsZero(rr)) return Double(p);
    return {f.one(), f.one(), U256{}};
  }
  rr = f.Add(rr, rr);
  U256 h2 = f.Add(h, h);
  U256 i = f.Mul(h2, h2);
  U256 j = f.Mul(h, i);
  U256 v = f.Mul(u1, i);
  Jacobian r;
  r.x = f.Sub(f.Sub(f.Mul(rr, rr), j), f.Add(v, v));
  U256 s1j = f.Mul(s1, j);
  r.y = f.Sub(f.Mul(rr, f.Sub(v, r.x)), f.Add(s1j, s1j));
  U256 zz = f.Add(p.z, q.z);
  r.z = f.Mul(f.Sub(f.Sub(f.Mul(zz, zz), z1z1), z2z2), h);
  return r;
}

}  // namespace

const U256& P256Order() { return GroupOrder(); }

const ModRing& P256Field() {
  static const ModRing ring(FieldPrime());
  return ring;
}

const ModRing& P256Scalars() {
  static const ModRing ring(GroupOrder());
  return ring;
}

P256Point P256Generator() { return {GeneratorX(), GeneratorY(), false}; }

bool P256OnCurve(const P256Point& p) {
  if (p.infinity) return true;
  if (Compare(p.x, FieldPrime()) >= 0 || Compare(p.y, FieldPrime()) >= 0) return false;
  const ModRing& f = P256Field();
  U256 x = f.ToMont(p.x), y = f.ToMont(p.y);
  U256 rhs = f.Mul(f.Mul(x, x), x);
  rhs = f.Sub(rhs, f.Add(f.Add(x, x), x));
  rhs = f.Add(rhs, f.ToMont(CurveB()));
  return f.Mul(y, y) == rhs;
}

P256Point P256Add(const P256Point& a, const P256Point& b) {
  return ToAffine(AddJacobian(ToJacobian(a), ToJacobian(b)));
}

P256Point P256Multiply(const U256& k, const P256Point& p) {
  Jacobian base = ToJacobian(p);
  Jacobian acc = {P256Field().one(), P256Field().one(), U256{}};
  for (int i = 255; i >= 0; --i) {
    acc = Double(acc);
    if (Bit(k, i)) acc = AddJacobian(acc, base);
  }
  return ToAffine(acc);
}

std::string P256Encode(const P256Point& p) { return "\x04" + U256ToBytes(p.x) + U256ToBytes(p.y); }

bool P256Decode(std::string_view bytes, P256Point* out) {
  if (bytes.size() != 65 || bytes[0] != '\x04') return false;
  P256Point p{U256FromBytes(bytes.substr(1, 32)), U256FromBytes(bytes.substr(33, 32)), false};
  if (!P256OnCurve(p)) return false;
  *out = p;
  return true;
}

}  // namespace swarmsim
