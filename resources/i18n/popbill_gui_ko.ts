<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AssignTab</name>
    <message>
        <source>Give a document ID to an invoice issued on the POPBiLL website, found by its ItemKey. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ItemKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document ID (MgtKey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ItemKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 18-digit number POPBiLL gave the invoice (see the invoice list on the website).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document ID (MgtKey) to assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 24 characters: letters, digits, &apos;-&apos; and &apos;_&apos;. Unique per company and type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the document ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Resend Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows (or all rows) as text for a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test environment (연동 테스트): calls go to POPBiLL&apos;s test service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PRODUCTION (운영): mails go to real customers and document IDs are final.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO (데모): connected to the built-in simulator. No account, nothing leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CorpNum: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no credentials: open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the PRODUCTION environment (운영): the call is real.

Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign document ID %1 (%2) to the invoice with ItemKey %3?

This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable keyring on this computer: credentials can be kept for this session only (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResendTab</name>
    <message>
        <source>Resend the notification mail of one e-Tax invoice to one e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document ID (MgtKey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receiver e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document ID (MgtKey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 24 characters: letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One e-mail address, e.g. name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the mail again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Tick “Keep secrets for this session only” to use the secrets you typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production: calls are real. Mail is really sent and document IDs are really assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning (you can still save): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the credentials first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection test is still running. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted token is used as it is: its expiry is unknown, and it is checked by the first call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Connection works. A session token was issued, valid until {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Connection failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ The test failed unexpectedly ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings and connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom token &amp;service URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Business registration number (CorpNum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POPBiLL &amp;user ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in &amp;method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link&amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret&amp;Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>테스트 (Test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>운영 (Production)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed-IP hosts (static)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GA hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>한국어</source>
        <comment>the Korean language, named in Korean</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <comment>the English language, named in English</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test (연동 테스트) for trying things out; Production (운영) sends real mail and assigns real IDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which POPBiLL hosts to use: the default ones, or the fixed-IP (static) or GA hosts for firewalls that allow fixed addresses only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Replaces the host set for API calls. Must start with https://; plain http:// only for this computer (the simulator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom token service URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Replaces the token service host. Must start with https://; plain http:// only for this computer (the simulator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business registration number (CorpNum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits; dashes are removed. Required when signing in with LinkID and SecretKey. A check digit that does not match is only a warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POPBiLL user ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Up to 50 ASCII characters, no control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of this program&apos;s sentences and of POPBiLL&apos;s messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait for an answer: 1 to 600 seconds. Connecting waits at most 10 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the environment variable {0}, which overrides this setting here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(from the host set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkI&amp;D and SecretKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with LinkID and SecretKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LinkID and SecretKey POPBiLL gave your company; tokens are issued as needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pasted session token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a pasted session token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ready session token; it is used as it is and never renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LinkID POPBiLL gave your company: letters and digits, no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SecretKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the SecretKey exactly as POPBiLL issued it (base64 text). It is never shown. Leave it empty to keep the saved one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the session token: no spaces. It is never shown. Leave it empty to keep the saved one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keyring (the system&apos;s password store) is usable on this computer, so secrets cannot be saved. They can be kept for this session only: they are forgotten when the program closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep secrets for this session onl&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required to use a typed SecretKey or token when no keyring is usable. Nothing is written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues a session token with these settings and shows until when it is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <source>Sales (SELL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase (BUY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consignment (TRUSTEE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice&apos;s MgtKeyType: SELL (매출), BUY (매입) or TRUSTEE (위수탁).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
