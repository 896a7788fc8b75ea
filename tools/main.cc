// kg: the command-line program. Placeholder until the commands land.
#include <cstdio>
int main() { std::puts("kg"); return 0; }
