# Third-party dependencies, all from Debian packages (see scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(OpenSSL REQUIRED)

# Debian's Poco DataPostgreSQL config refers to PostgreSQL::client, which nothing defines.
find_package(PostgreSQL REQUIRED)
if(NOT TARGET PostgreSQL::client)
  add_library(PostgreSQL::client INTERFACE IMPORTED)
  target_link_libraries(PostgreSQL::client INTERFACE PostgreSQL::PostgreSQL)
endif()
find_package(Poco REQUIRED COMPONENTS Foundation Util Net JSON XML Zip Crypto Data DataSQLite DataPostgreSQL)

pkg_check_modules(PODOFO REQUIRED IMPORTED_TARGET libpodofo)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
# The QR encoder needs libqrencode's fixed-mask entry point (see generators/pdf/qrencode_mask.h).
include(CheckLibraryExists)
check_library_exists(qrencode QRcode_encodeMask "${QRENCODE_LIBRARY_DIRS}" THIDUA_HAVE_QRCODE_ENCODEMASK)
if(NOT THIDUA_HAVE_QRCODE_ENCODEMASK)
  message(FATAL_ERROR "libqrencode does not export QRcode_encodeMask (Debian's libqrencode4 does); "
                      "see generators/pdf/qrencode_mask.h")
endif()
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET md4c)

find_package(GTest REQUIRED)
include(GoogleTest)

# The Times-compatible font embedded in every PDF (fonts-liberation2).
set(THIDUA_FONT_DIR "/usr/share/fonts/truetype/liberation2" CACHE PATH "Directory of Liberation Serif TTFs")
