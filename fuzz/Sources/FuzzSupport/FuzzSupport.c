// Declarations only: see include/FuzzSupport.h.
#include "FuzzSupport.h"
