import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waymark.settings")

from waymark.web.page_cache import PublicPageCache

application = PublicPageCache(get_wsgi_application())
