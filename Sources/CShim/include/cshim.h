// Fixed-type wrappers for the variadic C functions Swift cannot import.
#ifndef AUTOSAFECODER_CSHIM_H
#define AUTOSAFECODER_CSHIM_H

#include <curl/curl.h>
#include <git2.h>
#include <stddef.h>

typedef size_t (*cshim_write_callback)(char *data, size_t size, size_t count, void *context);
typedef size_t (*cshim_header_callback)(char *data, size_t size, size_t count, void *context);

CURLcode cshim_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode cshim_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode cshim_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode cshim_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode cshim_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode cshim_easy_setopt_write_callback(CURL *handle, CURLoption option, cshim_write_callback value);
CURLcode cshim_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode cshim_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);

/// `git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled)`.
int cshim_git_set_owner_validation(int enabled);
/// `git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled)`.
int cshim_git_set_strict_object_creation(int enabled);

#endif
