// FUZZ_CHECK: an invariant of a fuzz target. A failure prints the condition
// and aborts, which libFuzzer records as a crash and the replay program (and
// so CTest) as a failed run.
#ifndef KG_TESTS_FUZZ_FUZZ_CHECK_H_
#define KG_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

// kg prints a library error as one line on stderr: it must say something and
// must not spill over lines, whatever text from the input it quotes.
#define FUZZ_CHECK_ERROR(status)                                                      \
  do {                                                                                \
    const std::string fuzz_error_text = (status).ToString();                          \
    if (fuzz_error_text.empty() || fuzz_error_text.find('\n') != std::string::npos) { \
      std::fprintf(stderr, "error message: [%s]\n", fuzz_error_text.c_str());         \
    }                                                                                 \
    FUZZ_CHECK(!fuzz_error_text.empty());                                             \
    FUZZ_CHECK(fuzz_error_text.find('\n') == std::string::npos);                      \
  } while (0)

#endif  // KG_TESTS_FUZZ_FUZZ_CHECK_H_
