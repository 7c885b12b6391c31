#!/bin/bash
# Runs once, when the PostgreSQL container starts on an empty data volume (docker-entrypoint-initdb.d):
# one database per service, each owned by its own login role that can reach only that database,
# and Keycloak's. Passwords come from the environment (.env); nothing here is a secret.

create_database() {
	local name="$1" password="$2"
	if [ -z "$password" ]; then
		echo "create-databases.sh: no password for database $name (see .env.example)" >&2
		return 1
	fi
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
		--set=name="$name" --set=password="$password" <<-'SQL'
		create role :"name" login password :'password';
		create database :"name" owner :"name";
		revoke all on database :"name" from public;
	SQL
}

create_database content "$CONTENT_DB_PASSWORD"
create_database assessment "$ASSESSMENT_DB_PASSWORD"
create_database booking "$BOOKING_DB_PASSWORD"
create_database keycloak "$KEYCLOAK_DB_PASSWORD"
