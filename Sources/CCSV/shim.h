#ifndef HALLRATE_CCSV_SHIM_H
#define HALLRATE_CCSV_SHIM_H
// libcsv, from Debian's libcsv-dev (`apt-get install libcsv-dev`).
#include <csv.h>
#endif
