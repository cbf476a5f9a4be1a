#pragma once
// A configuration made by the tests, written straight through the Store (no files): the national level,
// one province in the three-tier layout (tỉnh → huyện → xã) and one in the two-tier layout (tỉnh → xã),
// the Bằng khen of the Prime Minister with its route (the district step optional, a council vote at the
// provincial People's Committee), a campaign round allowing it, the two legal bases, and for every unit a
// tham_dinh and a phe_duyet user (communes also a de_xuat one), plus a quan_tri. Every password is
// kDemoPassword.

#include "workflow/store.h"

namespace thidua::server::testing {

/// Writes the configuration described above in one transaction. Idempotent.
void seedTestConfiguration(wf::Store& store);

}  // namespace thidua::server::testing
