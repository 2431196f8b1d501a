// leadlint's entry point: everything else is in leadlint_core.
#include "cli/cli.h"

int main(int argc, char** argv) { return leadlint::cli::Run(argc, argv); }
