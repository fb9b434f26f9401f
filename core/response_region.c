/* A response's region (SPEC: `region` in response files): which questions
 * it is asked, and which regional texts it reads. */
#include "core/response_private.h"

#include "core/mem.h"

const char *response_own_region(const struct response *r)
{
	return r->region;
}

const char *response_region(const struct response *r)
{
	return r->region ? r->region : qn_default_region(r->q);
}

bool response_set_region(struct response *r, const char *region)
{
	if (region && !qn_valid_region(region))
		return false;
	char *copy = region ? mem_strdup(region) : NULL;
	if (region && !copy)
		return false;
	mem_free((void *)r->region);
	r->region = copy;
	response_today(r->date);
	return true;
}

const char *response_answered_version(const struct response *r)
{
	return r->answered_version;
}

int response_text_lang(const struct response *r, int lang)
{
	return qn_text_lang(r->q, lang, response_region(r));
}
