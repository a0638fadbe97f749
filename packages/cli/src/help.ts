export const MAIN_HELP = `credchain — AWS credentials for Node.js, found the way boto3 finds them

Usage: credchain <command> [options]

Commands:
  export    print the resolved credentials (credential_process JSON, env lines, or JSON)
  explain   show each provider of the chain in order: skipped (why), used, or failed (why)
  whoami    STS GetCallerIdentity: account, ARN, user id, and which provider gave the credentials
  assume-role    STS AssumeRole with the resolved credentials; print or --write-profile the result
  session-token  STS GetSessionToken (with MFA); print or --write-profile the result
  exec      run a command with the resolved credentials (and region) in its environment
  serve     serve refreshed credentials on 127.0.0.1 over the ECS container protocol
  configure set or get a value in ~/.aws/config or ~/.aws/credentials, keeping the rest of the file
  help      show help for a command: credchain help export

Options:
  -h, --help     show help
  --version      print the version

Exit codes: 0 success, 1 credentials could not be resolved, 2 usage error.
Set CREDCHAIN_DEBUG=1 for debug lines on stderr (never secrets).
`;

export const EXPORT_HELP = `Usage: credchain export [--profile P] [--format process|env|json]

Resolves credentials like boto3.Session(profile_name=P).get_credentials() and prints them.

Options:
  --profile P    use profile P (it must exist; drops environment-variable credentials, as boto3 does).
                 Default: AWS_DEFAULT_PROFILE, else AWS_PROFILE, else "default".
  --format F     process  credential_process JSON: {"Version":1,"AccessKeyId",…} (default)
                 env      export AWS_ACCESS_KEY_ID=… lines for a shell: eval "$(credchain export --format env)"
                 json     the process JSON plus "Source" (the provider that answered)
  -h, --help     show this help

On failure: exit 1; with --format json, stdout is {"Error":{"Code":…,"Message":…}}.
`;

export const EXPLAIN_HELP = `Usage: credchain explain [--profile P] [--format text|json]

Walks the default chain and reports, for each provider in botocore's order, whether it was
skipped (and why), used, or failed (and why), with what it looked at. Secrets are never shown;
the access key id is masked.

Options:
  --profile P    as for export
  --format F     text (default) or json
  -h, --help     show this help

Exit 0 when a provider answered, 1 when none did or one failed.
`;

export const CONFIGURE_HELP = `Usage: credchain configure set [--profile P] KEY VALUE
       credchain configure get [--profile P] KEY

set  writes KEY = VALUE into profile P, as \`aws configure set\` does: aws_access_key_id,
     aws_secret_access_key and aws_session_token go to the credentials file ([P]), every other
     key to the config file ([profile P], or [default]). Comments, order and blank lines are kept;
     a missing file is created with mode 0600; files are written atomically. KEY may be written
     default.KEY or profile.NAME.KEY to name the profile inline.
get  prints the value of KEY in profile P (config and credentials file merged, the credentials
     file winning, as botocore reads them); exit 1 when it is not set.

Options:
  --profile P    default: AWS_DEFAULT_PROFILE, else AWS_PROFILE, else "default"
  -h, --help     show this help

Files: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are honoured.
`;

export const EXEC_HELP = `Usage: credchain exec [--profile P] [--server [--duration-seconds S] [--long-term-keys]] -- command [args…]

Runs command with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
AWS_CREDENTIAL_EXPIRATION (when they expire) and AWS_REGION / AWS_DEFAULT_REGION (when
configured) set from the chain; AWS_PROFILE and other credential variables are removed so they
cannot shadow them. The command's exit code is passed through (128 + n when it dies of signal n);
SIGINT, SIGTERM and SIGHUP are forwarded to it.

Options:
  --profile P    as for export
  --server       instead of keys, give the command only AWS_CONTAINER_CREDENTIALS_FULL_URI and
                 AWS_CONTAINER_AUTHORIZATION_TOKEN for a local endpoint serving refreshed
                 credentials for as long as the command runs (long jobs outlive a session);
                 long-term keys are served as a GetSessionToken session, as by serve
  --duration-seconds S, --long-term-keys
                 with --server: as for serve
  -h, --help     show this help

Exit 1 when credentials cannot be resolved (the command is not started), 127 when the command
is not found.
`;

export const SERVE_HELP = `Usage: credchain serve [--profile P] [--port N] [--daemon] [--duration-seconds S] [--long-term-keys]

Serves the chain's credentials, renewed before they expire, over the ECS container-credentials
protocol on 127.0.0.1, behind a random authorization token, and only to requests whose Host is
127.0.0.1, localhost or [::1] with its port (a web page cannot reach it by DNS rebinding).
Prints the variables a client needs:

  export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:N/
  export AWS_CONTAINER_AUTHORIZATION_TOKEN=…

To start it from a shell and keep the shell, use --daemon: it returns once the server is up and
adds CREDCHAIN_SERVE_PID. Tools started from that shell that find no other credentials (and
containers given the two variables, with the host's loopback) then use the server:

  eval "$(credchain serve --daemon)"
  kill "$CREDCHAIN_SERVE_PID"

Without --daemon it serves in the foreground until SIGINT or SIGTERM.

Long-term keys (an access key without a session token) are never served as they are: they are
traded for a session from STS GetSessionToken (as aws-vault's server does), renewed before it
expires. STS endpoint and region as for session-token; MFA is not asked for.

Options:
  --profile P            as for export
  --port N               port to listen on (default: a free one)
  --daemon               run in the background; print the variables and CREDCHAIN_SERVE_PID, then return
  --duration-seconds S   lifetime of the GetSessionToken session, 900 to 129600 (default 3600)
  --long-term-keys       serve long-term keys themselves, without an Expiration, instead of a session.
                         botocore and the AWS SDK for JavaScript v3 refuse a response without
                         Expiration: use it only for clients that accept one
  -h, --help             show this help

Exit 1 when credentials cannot be resolved or GetSessionToken fails (nothing is served).
`;

export const WHOAMI_HELP = `Usage: credchain whoami [--profile P] [--format text|json]

Calls STS GetCallerIdentity with the resolved credentials and prints Account, Arn, UserId and
the Source (the provider that supplied the credentials). STS endpoint and region as botocore:
AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's services section, AWS_REGION /
AWS_DEFAULT_REGION / the profile's region. Exit 1 with the STS error code on failure.
`;

const STS_OUTPUT = `  --format F           process (default), env or json, as for export
  --write-profile NAME write the credentials to [NAME] in the credentials file instead of printing
                       them (every other byte of the file is kept; a new file gets mode 0600)
  --profile P          the credentials that sign the call, as for export`;

export const ASSUME_ROLE_HELP = `Usage: credchain assume-role --role-arn ARN [--role-session-name N] [--duration-seconds S]
                             [--external-id X] [--serial-number SN [--token-code C]]
                             [--write-profile NAME] [--profile P] [--format process|env|json]

Calls STS AssumeRole signed with the resolved credentials. Without --token-code, the MFA code for
--serial-number is asked for on the terminal, or read from stdin when stdin is not a terminal.
Default session name: credchain-session-<epoch seconds>.

Options:
${STS_OUTPUT}
`;

export const SESSION_TOKEN_HELP = `Usage: credchain session-token [--duration-seconds S] [--serial-number SN [--token-code C]]
                               [--write-profile NAME] [--profile P] [--format process|env|json]

Calls STS GetSessionToken signed with the resolved (long-term) credentials, with MFA when
--serial-number is given (the code asked for as for assume-role).

Options:
${STS_OUTPUT}
`;
