-- The local account that issued a token (directly, or through a token it issued): a token acts with at
-- most that account's current permissions and is revoked when the account is disabled or deleted.
-- Null for tokens issued by a Keycloak identity, which has no local account.
alter table api_token add column created_by_account uuid;
update api_token set created_by_account = (select a.id from user_account a where a.username = api_token.created_by);
create index api_token_created_by_account on api_token (created_by_account);
