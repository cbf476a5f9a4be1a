#pragma once
// libqrencode's encoder with a fixed mask pattern. Its public functions always evaluate all eight masks
// first (~80 µs of a ~90 µs symbol); qr_mask.h does that evaluation on rows of bits instead.
//
// QRcode_encodeMask is declared in libqrencode's qrencode_inner.h, which is not installed: upstream makes
// it static unless the library is built with its tests, as Debian's libqrencode4 is (the symbol is
// exported and listed in its .symbols file since 3.2.0). cmake/Dependencies.cmake checks that the
// installed library exports it and stops with a clear message if not.

#include <qrencode.h>

extern "C" QRcode* QRcode_encodeMask(QRinput* input, int mask);
