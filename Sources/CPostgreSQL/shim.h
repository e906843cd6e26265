#ifndef HALLRATE_CPOSTGRESQL_SHIM_H
#define HALLRATE_CPOSTGRESQL_SHIM_H
// libpq, PostgreSQL's C client, from Debian's libpq-dev (`apt-get install libpq-dev`); its headers are
// in /usr/include/postgresql, which pkg-config's libpq.pc adds to the include path.
#include <libpq-fe.h>
#endif
