# Bounce troubleshooting site: gunicorn behind whitenoise; put nginx in front (compose.yaml).
# Migrations are a one-off command: docker compose run --rm migrate (or python manage.py migrate).
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DEBUG=0

# gettext: compilemessages needs msgfmt.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext=0.21-12 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 app

WORKDIR /app
COPY requirements.txt ./
# Hash-checking mode: every package, transitive ones too, must match the lock's hashes.
RUN pip install --no-cache-dir --require-hashes -r requirements.txt

# The code stays owned by root: the runtime user can read it, not change it.
COPY . .
# Build-time only key and database: collectstatic and compilemessages need settings, not secrets.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 python manage.py compilemessages --ignore=.venv \
    && SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 python manage.py collectstatic --noinput

USER 10001
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py", "troubleshoot.wsgi"]
