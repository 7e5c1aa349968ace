<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Advice</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows Credential Manager</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>the macOS Keychain</translation>
    </message>
    <message>
        <source>the desktop&apos;s keyring</source>
        <translation>the desktop&apos;s keyring</translation>
    </message>
    <message>
        <source>No credentials yet: open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, not your POPBiLL password).</source>
        <translation>No credentials yet: open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, not your POPBiLL password).</translation>
    </message>
    <message>
        <source>No business registration number yet: enter it in %1.</source>
        <translation>No business registration number yet: enter it in %1.</translation>
    </message>
    <message>
        <source>Open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, not your POPBiLL password).</source>
        <translation>Open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, not your POPBiLL password).</translation>
    </message>
    <message>
        <source>Choose Production (real work) or Test in %1 first: nothing is sent until then.</source>
        <translation>Choose Production (real work) or Test in %1 first: nothing is sent until then.</translation>
    </message>
    <message>
        <source>Not looked up: no credentials yet (%1).</source>
        <translation>Not looked up: no credentials yet (%1).</translation>
    </message>
    <message>
        <source>Not looked up yet: the credentials are still being read from the keyring.</source>
        <translation>Not looked up yet: the credentials are still being read from the keyring.</translation>
    </message>
</context>
<context>
    <name>AssignPanel</name>
    <message>
        <source>Type a pattern, e.g. %1.</source>
        <translation>Type a pattern, e.g. %1.</translation>
    </message>
    <message>
        <source>The pattern has a { or } without its partner (write {{ or }} for the brace itself).</source>
        <translation>The pattern has a { or } without its partner (write {{ or }} for the brace itself).</translation>
    </message>
    <message>
        <source>%1 is not a placeholder: use {date}, {n} or {n:03}.</source>
        <translation>%1 is not a placeholder: use {date}, {n} or {n:03}.</translation>
    </message>
    <message>
        <source>Select the invoices in the list (Ctrl or Shift + click for several).</source>
        <translation>Select the invoices in the list (Ctrl or Shift + click for several).</translation>
    </message>
    <message>
        <source>%1 of %2 selected invoices cannot get their ID: %3</source>
        <translation>%1 of %2 selected invoices cannot get their ID: %3</translation>
    </message>
    <message>
        <source>&amp;Assign %1 IDs…</source>
        <translation>&amp;Assign %1 IDs…</translation>
    </message>
    <message>
        <source>Patter&amp;n</source>
        <translation>Patter&amp;n</translation>
    </message>
    <message>
        <source>Also numb&amp;er cancelled invoices and those whose NTS filing failed</source>
        <translation>Also numb&amp;er cancelled invoices and those whose NTS filing failed</translation>
    </message>
    <message>
        <source>Give &amp;document IDs to the selected invoices</source>
        <translation>Give &amp;document IDs to the selected invoices</translation>
    </message>
    <message>
        <source>The selected invoices are cancelled, or their filing to the NTS failed: tick the box above to number them anyway.</source>
        <translation>The selected invoices are cancelled, or their filing to the NTS failed: tick the box above to number them anyway.</translation>
    </message>
    <message>
        <source>%1 invoices, oldest first: %2 to %3. Each ID is checked when sent.</source>
        <translation>%1 invoices, oldest first: %2 to %3. Each ID is checked when sent.</translation>
    </message>
    <message>
        <source>%1 cancelled or NTS-failed invoices are left out.</source>
        <translation>%1 cancelled or NTS-failed invoices are left out.</translation>
    </message>
    <message>
        <source>Document ID pattern</source>
        <translation>Document ID pattern</translation>
    </message>
    <message>
        <source>&amp;First number</source>
        <translation>&amp;First number</translation>
    </message>
    <message>
        <source>The number {n} starts from: continue from your last document ID.</source>
        <translation>The number {n} starts from: continue from your last document ID.</translation>
    </message>
    <message>
        <source>Left unticked, selected invoices that were cancelled (before or after issue) or whose filing to the NTS failed get no document ID.</source>
        <translation>Left unticked, selected invoices that were cancelled (before or after issue) or whose filing to the NTS failed get no document ID.</translation>
    </message>
    <message>
        <source>{date} = written date (20260115) · {n} = 1, 2, 3… oldest first · {n:03} = 001, 002…</source>
        <translation>{date} = written date (20260115) · {n} = 1, 2, 3… oldest first · {n:03} = 001, 002…</translation>
    </message>
    <message>
        <source>Everything else in the pattern is copied as typed. A document ID has at most %1 characters: letters, digits, &apos;-&apos; and &apos;_&apos;. An ID another invoice already has is flagged when that invoice is in the list; otherwise POPBiLL refuses that one row when it is sent, and the others are assigned.</source>
        <translation>Everything else in the pattern is copied as typed. A document ID has at most %1 characters: letters, digits, &apos;-&apos; and &apos;_&apos;. An ID another invoice already has is flagged when that invoice is in the list; otherwise POPBiLL refuses that one row when it is sent, and the others are assigned.</translation>
    </message>
    <message>
        <source>Open the batch tab with these rows: after your confirmation they are sent, journaled and resumable, and the results can be exported.</source>
        <translation>Open the batch tab with these rows: after your confirmation they are sent, journaled and resumable, and the results can be exported.</translation>
    </message>
</context>
<context>
    <name>AssignTab</name>
    <message>
        <source>Type the POPBiLL number, or press Find… to choose the invoice from a list.</source>
        <translation>Type the POPBiLL number, or press Find… to choose the invoice from a list.</translation>
    </message>
    <message>
        <source>No invoice has this POPBiLL number</source>
        <translation>No invoice has this POPBiLL number</translation>
    </message>
    <message>
        <source>Assign this document ID to this invoice?

POPBiLL number: %3
Type: %2
Document ID: %1

This cannot be undone.</source>
        <translation>Assign this document ID to this invoice?

POPBiLL number: %3
Type: %2
Document ID: %1

This cannot be undone.</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>Assign MgtKey</translation>
    </message>
    <message>
        <source>Assigned: %1</source>
        <translation>Assigned: %1</translation>
    </message>
    <message>
        <source>Check on the POPBiLL website whether the invoice with the POPBiLL number %1 now has the document ID %2 before assigning again: a second try is refused if it has.</source>
        <translation>Check on the POPBiLL website whether the invoice with the POPBiLL number %1 now has the document ID %2 before assigning again: a second try is refused if it has.</translation>
    </message>
    <message>
        <source>Give a document ID to an invoice issued on the POPBiLL website, found by its POPBiLL number. This cannot be undone.</source>
        <translation>Give a document ID to an invoice issued on the POPBiLL website, found by its POPBiLL number. This cannot be undone.</translation>
    </message>
    <message>
        <source>POPB&amp;iLL number</source>
        <translation>POPB&amp;iLL number</translation>
    </message>
    <message>
        <source>&amp;Document ID</source>
        <translation>&amp;Document ID</translation>
    </message>
    <message>
        <source>The 18-digit number POPBiLL gave the invoice (ItemKey; see the invoice list on the website).</source>
        <translation>The 18-digit number POPBiLL gave the invoice (ItemKey; see the invoice list on the website).</translation>
    </message>
    <message>
        <source>The document ID to give the invoice (MgtKey): 1 to 24 characters, letters, digits, &apos;-&apos; and &apos;_&apos;. Unique per company and type.</source>
        <translation>The document ID to give the invoice (MgtKey): 1 to 24 characters, letters, digits, &apos;-&apos; and &apos;_&apos;. Unique per company and type.</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>POPBiLL number</source>
        <translation>POPBiLL number</translation>
    </message>
    <message>
        <source>Document ID (MgtKey) to assign</source>
        <translation>Document ID (MgtKey) to assign</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Assign</translation>
    </message>
    <message>
        <source>Assign the document ID</source>
        <translation>Assign the document ID</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Fi&amp;nd…</source>
        <translation>Fi&amp;nd…</translation>
    </message>
    <message>
        <source>Choose the invoice from a list of yours: no POPBiLL number needed.</source>
        <translation>Choose the invoice from a list of yours: no POPBiLL number needed.</translation>
    </message>
</context>
<context>
    <name>BatchHandoff</name>
    <message>
        <source>The document IDs chosen in Find were written to %1.</source>
        <translation>The document IDs chosen in Find were written to %1.</translation>
    </message>
    <message>
        <source>The invoices whose mails are resent were written to %1.</source>
        <translation>The invoices whose mails are resent were written to %1.</translation>
    </message>
    <message>
        <source>%1 without a document ID (%2)</source>
        <translation>%1 without a document ID (%2)</translation>
    </message>
    <message>
        <source>%1 without an e-mail address on the invoice (%2)</source>
        <translation>%1 without an e-mail address on the invoice (%2)</translation>
    </message>
    <message>
        <source>Left out of the resend: %1.</source>
        <translation>Left out of the resend: %1.</translation>
    </message>
    <message>
        <source>Check the rows on the Batch tab, then press Start to resend the mails.</source>
        <translation>Check the rows on the Batch tab, then press Start to resend the mails.</translation>
    </message>
    <message>
        <source>Start that file on the Batch tab once the batch under way has ended.</source>
        <translation>Start that file on the Batch tab once the batch under way has ended.</translation>
    </message>
    <message>
        <source>The invoices chosen in Find were not handed to the batch tab: %1</source>
        <translation>The invoices chosen in Find were not handed to the batch tab: %1</translation>
    </message>
</context>
<context>
    <name>BatchQuestions</name>
    <message>
        <source>Include hidden &amp;rows</source>
        <translation>Include hidden &amp;rows</translation>
    </message>
    <message>
        <source>Send the rows Excel hides like the others.</source>
        <translation>Send the rows Excel hides like the others.</translation>
    </message>
    <message>
        <source>Lea&amp;ve them out</source>
        <translation>Lea&amp;ve them out</translation>
    </message>
    <message>
        <source>Send only the rows Excel shows; the hidden ones are listed as skipped.</source>
        <translation>Send only the rows Excel shows; the hidden ones are listed as skipped.</translation>
    </message>
    <message>
        <source>Send them again an&amp;yway</source>
        <translation>Send them again an&amp;yway</translation>
    </message>
    <message>
        <source>Send these rows too, although they were done, or may have been, before.</source>
        <translation>Send these rows too, although they were done, or may have been, before.</translation>
    </message>
    <message>
        <source>Resume as &amp;journaled</source>
        <translation>Resume as &amp;journaled</translation>
    </message>
    <message>
        <source>Send the rest of the batch as it was when it started: rows done or to check are not sent again, rows changed in the file since are left for the file&apos;s next run.</source>
        <translation>Send the rest of the batch as it was when it started: rows done or to check are not sent again, rows changed in the file since are left for the file&apos;s next run.</translation>
    </message>
    <message>
        <source>&amp;Abandon batch #%1</source>
        <translation>&amp;Abandon batch #%1</translation>
    </message>
    <message>
        <source>End that batch without sending anything; running the file again then leaves out what it did.</source>
        <translation>End that batch without sending anything; running the file again then leaves out what it did.</translation>
    </message>
    <message>
        <source>They will be sent again.</source>
        <translation>They will be sent again.</translation>
    </message>
    <message>
        <source>This is the PRODUCTION environment (운영): the calls are real.</source>
        <translation>This is the PRODUCTION environment (운영): the calls are real.</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>Assign MgtKey</translation>
    </message>
    <message>
        <source>Assign document IDs to the %1 chosen invoices:</source>
        <translation>Assign document IDs to the %1 chosen invoices:</translation>
    </message>
    <message>
        <source>Assign the document IDs listed in the file? Invoices: %1.</source>
        <translation>Assign the document IDs listed in the file? Invoices: %1.</translation>
    </message>
    <message>
        <source>This cannot be undone: an invoice keeps its document ID.</source>
        <translation>This cannot be undone: an invoice keeps its document ID.</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Resend the mails of the %1 chosen invoices:</source>
        <translation>Resend the mails of the %1 chosen invoices:</translation>
    </message>
    <message>
        <source>Notification mails to real customers: %1.</source>
        <translation>Notification mails to real customers: %1.</translation>
    </message>
    <message>
        <source>Continue?</source>
        <translation>Continue?</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>This file has an interrupted batch: done %1, not sent yet %2, to check %3.

Resume it? The rows already sent are not sent again.</source>
        <translation>This file has an interrupted batch: done %1, not sent yet %2, to check %3.

Resume it? The rows already sent are not sent again.</translation>
    </message>
    <message>
        <source>Interrupted batch</source>
        <translation>Interrupted batch</translation>
    </message>
    <message>
        <source>Abandon batch #%1? Nothing is sent, and it cannot be resumed afterwards. Running the file again then leaves out the rows it did or may have done.</source>
        <translation>Abandon batch #%1? Nothing is sent, and it cannot be resumed afterwards. Running the file again then leaves out the rows it did or may have done.</translation>
    </message>
    <message>
        <source>Abandon the batch</source>
        <translation>Abandon the batch</translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message>
        <source>Send one call per valid row of the file.</source>
        <translation>Send one call per valid row of the file.</translation>
    </message>
    <message>
        <source>CSV or Excel (*.csv *.xlsx *.xls)</source>
        <translation>CSV or Excel (*.csv *.xlsx *.xls)</translation>
    </message>
    <message>
        <source>Choose a batch file</source>
        <translation>Choose a batch file</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>The invoices chosen in Find: %1</source>
        <translation>The invoices chosen in Find: %1</translation>
    </message>
</context>
<context>
    <name>BatchTexts</name>
    <message>
        <source>Resend mails or assign document IDs for many invoices at once, from a CSV or Excel file with a header row. Every row is checked before anything is sent.</source>
        <translation>Resend mails or assign document IDs for many invoices at once, from a CSV or Excel file with a header row. Every row is checked before anything is sent.</translation>
    </message>
    <message>
        <source>&amp;Operation</source>
        <translation>&amp;Operation</translation>
    </message>
    <message>
        <source>Resend email</source>
        <translation>Resend email</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>Assign MgtKey</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>C&amp;hoose file…</translation>
    </message>
    <message>
        <source>Save tem&amp;plate…</source>
        <translation>Save tem&amp;plate…</translation>
    </message>
    <message>
        <source>An empty CSV or Excel file with the header row this operation needs: fill it in, then choose it.</source>
        <translation>An empty CSV or Excel file with the header row this operation needs: fill it in, then choose it.</translation>
    </message>
    <message>
        <source>Faile&amp;d or to check only</source>
        <translation>Faile&amp;d or to check only</translation>
    </message>
    <message>
        <source>Show only the rows that are invalid, failed, or need checking.</source>
        <translation>Show only the rows that are invalid, failed, or need checking.</translation>
    </message>
    <message>
        <source>Choos&amp;e columns</source>
        <translation>Choos&amp;e columns</translation>
    </message>
    <message>
        <source>Show or hide columns, such as the code, the HTTP status and the time.</source>
        <translation>Show or hide columns, such as the code, the HTTP status and the time.</translation>
    </message>
    <message>
        <source>The selected row in full</source>
        <translation>The selected row in full</translation>
    </message>
    <message>
        <source>A CSV (UTF-8 or CP949) or Excel (.xlsx) file; you can also drop it here.</source>
        <translation>A CSV (UTF-8 or CP949) or Excel (.xlsx) file; you can also drop it here.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Skip &amp;invalid rows</source>
        <translation>Skip &amp;invalid rows</translation>
    </message>
    <message>
        <source>Send the valid rows only; the invalid ones are listed as skipped.</source>
        <translation>Send the valid rows only; the invalid ones are listed as skipped.</translation>
    </message>
    <message>
        <source>When resuming a Resend email batch: send again the rows that may or may not have been sent. Document IDs are never assigned twice.</source>
        <translation>When resuming a Resend email batch: send again the rows that may or may not have been sent. Document IDs are never assigned twice.</translation>
    </message>
    <message>
        <source>Calls at a &amp;time</source>
        <translation>Calls at a &amp;time</translation>
    </message>
    <message>
        <source>How many calls run at once (1 to %1).</source>
        <translation>How many calls run at once (1 to %1).</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Rows of the file</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Send no new call; the calls in flight finish and are recorded.</source>
        <translation>Send no new call; the calls in flight finish and are recorded.</translation>
    </message>
    <message>
        <source>E&amp;xport results…</source>
        <translation>E&amp;xport results…</translation>
    </message>
    <message>
        <source>Every row of the file in its order with its status, code and message, as CSV or Excel.</source>
        <translation>Every row of the file in its order with its status, code and message, as CSV or Excel.</translation>
    </message>
    <message>
        <source>Done %1 · failed %2 · check %3 · pending %4</source>
        <translation>Done %1 · failed %2 · check %3 · pending %4</translation>
    </message>
    <message>
        <source>Choose above whether to send the hidden rows too: nothing is sent before you do.</source>
        <translation>Choose above whether to send the hidden rows too: nothing is sent before you do.</translation>
    </message>
    <message>
        <source>Invalid rows: %1. Nothing can be sent: fix the file, or tick “Skip invalid rows” to send only the valid ones.</source>
        <translation>Invalid rows: %1. Nothing can be sent: fix the file, or tick “Skip invalid rows” to send only the valid ones.</translation>
    </message>
    <message>
        <source>Rows read: %1 (valid %2, invalid %3).</source>
        <translation>Rows read: %1 (valid %2, invalid %3).</translation>
    </message>
    <message>
        <source>Cancelled. Rows not sent: %1. Press Start to resume the batch.</source>
        <translation>Cancelled. Rows not sent: %1. Press Start to resume the batch.</translation>
    </message>
    <message>
        <source>Rows not sent: %1. Press Start to resume the batch once the cause is gone (for example, close the program that holds the history, or free some disk space).</source>
        <translation>Rows not sent: %1. Press Start to resume the batch once the cause is gone (for example, close the program that holds the history, or free some disk space).</translation>
    </message>
    <message>
        <source>This refusal would hit every row, so the rest was not sent (rows: %1). Fix it, then press Start to resume the batch.</source>
        <translation>This refusal would hit every row, so the rest was not sent (rows: %1). Fix it, then press Start to resume the batch.</translation>
    </message>
    <message>
        <source>Rows that may or may not have been carried out: %1. Check them on the POPBiLL website (확인 필요).</source>
        <translation>Rows that may or may not have been carried out: %1. Check them on the POPBiLL website (확인 필요).</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Export results</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Results written to %1.</source>
        <translation>Results written to %1.</translation>
    </message>
    <message>
        <source>The results were not written: %1</source>
        <translation>The results were not written: %1</translation>
    </message>
    <message>
        <source>Template written: fill in one row per request under the header, then choose it with Choose file. %1</source>
        <translation>Template written: fill in one row per request under the header, then choose it with Choose file. %1</translation>
    </message>
    <message>
        <source>The template was not written: %1</source>
        <translation>The template was not written: %1</translation>
    </message>
    <message>
        <source>S&amp;witch to %1</source>
        <translation>S&amp;witch to %1</translation>
    </message>
    <message>
        <source>%1-results.xlsx</source>
        <translation>%1-results.xlsx</translation>
    </message>
    <message>
        <source>resend-email-template.xlsx</source>
        <translation>resend-email-template.xlsx</translation>
    </message>
    <message>
        <source>assign-mgtkey-template.xlsx</source>
        <translation>assign-mgtkey-template.xlsx</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <source>The history cannot be used, so nothing is sent: %1</source>
        <translation>The history cannot be used, so nothing is sent: %1</translation>
    </message>
    <message>
        <source>Not started: this file has an interrupted batch. Resume it to send the rest; starting anew would send the rows already done again.</source>
        <translation>Not started: this file has an interrupted batch. Resume it to send the rest; starting anew would send the rows already done again.</translation>
    </message>
    <message>
        <source>Nothing was sent. Choose above how to go on with that batch.</source>
        <translation>Nothing was sent. Choose above how to go on with that batch.</translation>
    </message>
    <message>
        <source>Press Start to send the file as it is now.</source>
        <translation>Press Start to send the file as it is now.</translation>
    </message>
    <message>
        <source>Not resumed: nothing was sent.</source>
        <translation>Not resumed: nothing was sent.</translation>
    </message>
    <message>
        <source>Nothing to send: every row was done, or may have been, before (rows: %1). Tick “Send them again anyway” to send them again.</source>
        <translation>Nothing to send: every row was done, or may have been, before (rows: %1). Tick “Send them again anyway” to send them again.</translation>
    </message>
    <message>
        <source>Internal error (%1): the batch stopped. The rows already sent are recorded; press Start to resume.</source>
        <translation>Internal error (%1): the batch stopped. The rows already sent are recorded; press Start to resume.</translation>
    </message>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>Internal error (%1). The window keeps working.</translation>
    </message>
    <message>
        <source>To send them anyway, choose the file again and tick “Send them again anyway”.</source>
        <translation>To send them anyway, choose the file again and tick “Send them again anyway”.</translation>
    </message>
    <message>
        <source>Looking the invoices up on POPBiLL. Nothing is sent.</source>
        <translation>Looking the invoices up on POPBiLL. Nothing is sent.</translation>
    </message>
    <message>
        <source>Not checked on POPBiLL: %1</source>
        <translation>Not checked on POPBiLL: %1</translation>
    </message>
    <message>
        <source>Checking on POPBiLL: %1 of %2 invoices.</source>
        <translation>Checking on POPBiLL: %1 of %2 invoices.</translation>
    </message>
    <message>
        <source>See the “Checked on POPBiLL” column; export the results to keep it.</source>
        <translation>See the “Checked on POPBiLL” column; export the results to keep it.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Re-send &amp;unknown mails</source>
        <translation>Re-send &amp;unknown mails</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>A batch is running.</source>
        <translation>A batch is running.</translation>
    </message>
    <message>
        <source>The file is being read and checked: its rows appear here when that is done.</source>
        <translation>The file is being read and checked: its rows appear here when that is done.</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file (or drop it here).</source>
        <translation>Choose a CSV or Excel file (or drop it here).</translation>
    </message>
    <message>
        <source>This file has been sent. Choose it again to send it again.</source>
        <translation>This file has been sent. Choose it again to send it again.</translation>
    </message>
    <message>
        <source>No valid row to send.</source>
        <translation>No valid row to send.</translation>
    </message>
    <message>
        <source>Starting: the first rows are on their way.</source>
        <translation>Starting: the first rows are on their way.</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 rows/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>about %1 left</translation>
    </message>
    <message>
        <source>Cancelling: no new call is sent; the calls in flight finish and are recorded.</source>
        <translation>Cancelling: no new call is sent; the calls in flight finish and are recorded.</translation>
    </message>
    <message>
        <source>Checking the file against the journal.</source>
        <translation>Checking the file against the journal.</translation>
    </message>
    <message>
        <source>Not started: nothing was sent.</source>
        <translation>Not started: nothing was sent.</translation>
    </message>
    <message>
        <source>A batch is running: wait for it to end, or cancel it.</source>
        <translation>A batch is running: wait for it to end, or cancel it.</translation>
    </message>
    <message>
        <source>The credentials are still being read from the keyring: try again.</source>
        <translation>The credentials are still being read from the keyring: try again.</translation>
    </message>
    <message>
        <source>The file cannot be used, nothing will be sent: %1</source>
        <translation>The file cannot be used, nothing will be sent: %1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Not started: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation>Cancelled: nothing was sent.</translation>
    </message>
    <message>
        <source>Chec&amp;k on POPBiLL</source>
        <translation>Chec&amp;k on POPBiLL</translation>
    </message>
    <message>
        <source>Look every invoice of this batch up on POPBiLL: does it carry the document ID it was given?</source>
        <translation>Look every invoice of this batch up on POPBiLL: does it carry the document ID it was given?</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Finished.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>skipped %1</translation>
    </message>
</context>
<context>
    <name>CallFlow</name>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>This is the PRODUCTION environment (운영): the call is real.

Continue?</source>
        <translation>This is the PRODUCTION environment (운영): the call is real.

Continue?</translation>
    </message>
</context>
<context>
    <name>CallTab</name>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>Consignment</translation>
    </message>
    <message>
        <source>The invoice&apos;s MgtKeyType: SELL (매출), BUY (매입) or TRUSTEE (위수탁).</source>
        <translation>The invoice&apos;s MgtKeyType: SELL (매출), BUY (매입) or TRUSTEE (위수탁).</translation>
    </message>
    <message>
        <source>Invoice type</source>
        <translation>Invoice type</translation>
    </message>
</context>
<context>
    <name>CallTexts</name>
    <message>
        <source>Sending: %1</source>
        <translation>Sending: %1</translation>
    </message>
    <message>
        <source>POPBiLL: %1</source>
        <translation>POPBiLL: %1</translation>
    </message>
    <message>
        <source>Outcome unknown: %1</source>
        <translation>Outcome unknown: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>• %1: %2 (no answer yet)</source>
        <translation>• %1: %2 (no answer yet)</translation>
    </message>
    <message>
        <source>• Batch #%1, still sending</source>
        <translation>• Batch #%1, still sending</translation>
    </message>
    <message>
        <source>• A batch, starting</source>
        <translation>• A batch, starting</translation>
    </message>
    <message>
        <source>Still under way:</source>
        <translation>Still under way:</translation>
    </message>
    <message>
        <source>A request already sent may have been carried out by POPBiLL. If you close now, it is recorded as “check”: look it up on the POPBiLL website before sending it again.</source>
        <translation>A request already sent may have been carried out by POPBiLL. If you close now, it is recorded as “check”: look it up on the POPBiLL website before sending it again.</translation>
    </message>
    <message>
        <source>The batch stops taking rows. You can resume it later: rows already done are never sent again.</source>
        <translation>The batch stops taking rows. You can resume it later: rows already done are never sent again.</translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation>Close anyway?</translation>
    </message>
    <message>
        <source>Close the window?</source>
        <translation>Close the window?</translation>
    </message>
    <message>
        <source>The window was closed before POPBiLL answered: check on the POPBiLL website.</source>
        <translation>The window was closed before POPBiLL answered: check on the POPBiLL website.</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Calls go to POPBiLL&apos;s test service (연동 테스트).</source>
        <translation>Calls go to POPBiLL&apos;s test service (연동 테스트).</translation>
    </message>
    <message>
        <source>Mails go to real customers and document IDs are final.</source>
        <translation>Mails go to real customers and document IDs are final.</translation>
    </message>
    <message>
        <source>Connected to the built-in simulator: no account needed, nothing leaves this computer.</source>
        <translation>Connected to the built-in simulator: no account needed, nothing leaves this computer.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>being read from %1</source>
        <translation>being read from %1</translation>
    </message>
    <message>
        <source>kept in %1</source>
        <translation>kept in %1</translation>
    </message>
    <message>
        <source>Not chosen yet: Production or Test, in Settings. Nothing is sent until then.</source>
        <translation>Not chosen yet: Production or Test, in Settings. Nothing is sent until then.</translation>
    </message>
    <message>
        <source>Business number: %1</source>
        <translation>Business number: %1</translation>
    </message>
    <message>
        <source>The business registration number (CorpNum) calls are made for.</source>
        <translation>The business registration number (CorpNum) calls are made for.</translation>
    </message>
    <message>
        <source>none yet: enter them in Settings</source>
        <translation>none yet: enter them in Settings</translation>
    </message>
    <message>
        <source>from environment variables</source>
        <translation>from environment variables</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>this session only</translation>
    </message>
    <message>
        <source>demo credentials</source>
        <translation>demo credentials</translation>
    </message>
    <message>
        <source>Credentials: %1</source>
        <translation>Credentials: %1</translation>
    </message>
</context>
<context>
    <name>DetailTexts</name>
    <message>
        <source>Message: %1</source>
        <translation>Message: %1</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>Cause: %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <source>The batch tab shows one file at a time; not opened: %1</source>
        <translation>The batch tab shows one file at a time; not opened: %1</translation>
    </message>
    <message>
        <source>%1 was not opened: a batch is running. Open it on the Batch tab once the batch has ended.</source>
        <translation>%1 was not opened: a batch is running. Open it on the Batch tab once the batch has ended.</translation>
    </message>
    <message>
        <source>Shown on the Batch tab: %1. Nothing is sent before you press Start.</source>
        <translation>Shown on the Batch tab: %1. Nothing is sent before you press Start.</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a CSV or Excel file.</source>
        <translation>%1 is a folder: choose a CSV or Excel file.</translation>
    </message>
    <message>
        <source>%1 was not found: it may have been moved, renamed or deleted.</source>
        <translation>%1 was not found: it may have been moved, renamed or deleted.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 cannot be opened: %2</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Searching… %1 found so far.</source>
        <translation>Searching… %1 found so far.</translation>
    </message>
    <message>
        <source>Stopped: %1 invoices found until then.</source>
        <translation>Stopped: %1 invoices found until then.</translation>
    </message>
    <message>
        <source>No invoice matches. Widen the dates, clear the partner, or untick the box.</source>
        <translation>No invoice matches. Widen the dates, clear the partner, or untick the box.</translation>
    </message>
    <message>
        <source>%1 invoices found.</source>
        <translation>%1 invoices found.</translation>
    </message>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>Internal error (%1). The window keeps working.</translation>
    </message>
    <message>
        <source>Find invoices</source>
        <translation>Find invoices</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Invoice type</source>
        <translation>Invoice type</translation>
    </message>
    <message>
        <source>Written from</source>
        <translation>Written from</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Registered from</translation>
    </message>
    <message>
        <source>Issued from</source>
        <translation>Issued from</translation>
    </message>
    <message>
        <source>Which date the range is about</source>
        <translation>Which date the range is about</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Cancel search</source>
        <translation>&amp;Cancel search</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Your invoices on POPBiLL by date and partner. Choose one to resend its mail: its document ID and the e-mail address on the invoice go to the Resend tab. Or select several and resend each one&apos;s mail to its address.</source>
        <translation>Your invoices on POPBiLL by date and partner. Choose one to resend its mail: its document ID and the e-mail address on the invoice go to the Resend tab. Or select several and resend each one&apos;s mail to its address.</translation>
    </message>
    <message>
        <source>Fill in its document ID and e-mail address on the Resend tab (or double-click the row).</source>
        <translation>Fill in its document ID and e-mail address on the Resend tab (or double-click the row).</translation>
    </message>
    <message>
        <source>Your invoices on POPBiLL by date and partner. Choose one to give it a document ID on the Assign tab, or select several and give them document IDs below.</source>
        <translation>Your invoices on POPBiLL by date and partner. Choose one to give it a document ID on the Assign tab, or select several and give them document IDs below.</translation>
    </message>
    <message>
        <source>Take it to the Assign tab (or double-click the row).</source>
        <translation>Take it to the Assign tab (or double-click the row).</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Type a date as 20261130 or 2026-11-30, or pick it from the calendar.</source>
        <translation>Type a date as 20261130 or 2026-11-30, or pick it from the calendar.</translation>
    </message>
    <message>
        <source>Any length: a range over six months is searched six months at a time.</source>
        <translation>Any length: a range over six months is searched six months at a time.</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Last 3 months</translation>
    </message>
    <message>
        <source>Set the dates and search.</source>
        <translation>Set the dates and search.</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <source>Name or business number (empty: every partner)</source>
        <translation>Name or business number (empty: every partner)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>&amp;Only without a document ID</source>
        <translation>&amp;Only without a document ID</translation>
    </message>
    <message>
        <source>Only invoices issued on the website that have no document ID of ours yet.</source>
        <translation>Only invoices issued on the website that have no document ID of ours yet.</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Search progress</source>
        <translation>Search progress</translation>
    </message>
    <message>
        <source>Invoices found</source>
        <translation>Invoices found</translation>
    </message>
    <message>
        <source>This invoice has no document ID of ours yet, so its mail cannot be resent: POPBiLL resends by document ID. Give it one first, then choose it here again.</source>
        <translation>This invoice has no document ID of ours yet, so its mail cannot be resent: POPBiLL resends by document ID. Give it one first, then choose it here again.</translation>
    </message>
    <message>
        <source>&amp;Give it a document ID…</source>
        <translation>&amp;Give it a document ID…</translation>
    </message>
    <message>
        <source>Open the Assign tab with this invoice filled in.</source>
        <translation>Open the Assign tab with this invoice filled in.</translation>
    </message>
    <message>
        <source>&amp;Use this invoice</source>
        <translation>&amp;Use this invoice</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Document ID, POPBiLL number, e-mail or message</source>
        <translation>Document ID, POPBiLL number, e-mail or message</translation>
    </message>
    <message>
        <source>Search the keys, the receiver and the message</source>
        <translation>Search the keys, the receiver and the message</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>All operations</translation>
    </message>
    <message>
        <source>Resend email</source>
        <translation>Resend email</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>Assign MgtKey</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>All results</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>Recorded calls</source>
        <translation>Recorded calls</translation>
    </message>
    <message>
        <source>Colu&amp;mns</source>
        <translation>Colu&amp;mns</translation>
    </message>
    <message>
        <source>Show or hide columns, such as POPBiLL&apos;s code and the duration.</source>
        <translation>Show or hide columns, such as POPBiLL&apos;s code and the duration.</translation>
    </message>
    <message>
        <source>The selected record in full</source>
        <translation>The selected record in full</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Write the records the filters match to CSV or Excel.</source>
        <translation>Write the records the filters match to CSV or Excel.</translation>
    </message>
    <message>
        <source>Choose a record to see it here in full.</source>
        <translation>Choose a record to see it here in full.</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>The history cannot be read: %1</translation>
    </message>
    <message>
        <source>The newest %1 records are shown: narrow the filters to see older ones.</source>
        <translation>The newest %1 records are shown: narrow the filters to see older ones.</translation>
    </message>
    <message>
        <source>Records: %1.</source>
        <translation>Records: %1.</translation>
    </message>
    <message>
        <source>popbill-history-%1.xlsx</source>
        <translation>popbill-history-%1.xlsx</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Export history</translation>
    </message>
    <message>
        <source>The records were not written: %1</source>
        <translation>The records were not written: %1</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Written to %1.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Business number</source>
        <translation>Business number</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Duration (ms)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>InvoiceListModel</name>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Business no.</source>
        <translation>Business no.</translation>
    </message>
    <message>
        <source>Supply amount</source>
        <translation>Supply amount</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>NTS number</source>
        <translation>NTS number</translation>
    </message>
    <message>
        <source>Document ID</source>
        <translation>Document ID</translation>
    </message>
    <message>
        <source>POPBiLL number</source>
        <translation>POPBiLL number</translation>
    </message>
    <message>
        <source>New document ID</source>
        <translation>New document ID</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>left out</translation>
    </message>
    <message>
        <source>Can be assigned.</source>
        <translation>Can be assigned.</translation>
    </message>
</context>
<context>
    <name>InvoiceLookup</name>
    <message>
        <source>The invoice is looked up when you stop typing.</source>
        <translation>The invoice is looked up when you stop typing.</translation>
    </message>
    <message>
        <source>Looking up the invoice…</source>
        <translation>Looking up the invoice…</translation>
    </message>
    <message>
        <source>It already has a document ID: POPBiLL refuses to assign another.</source>
        <translation>It already has a document ID: POPBiLL refuses to assign another.</translation>
    </message>
    <message>
        <source>E-mail on the invoice: %1</source>
        <translation>E-mail on the invoice: %1</translation>
    </message>
    <message>
        <source>The invoice could not be looked up: %1</source>
        <translation>The invoice could not be looked up: %1</translation>
    </message>
</context>
<context>
    <name>InvoiceModel</name>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>Consignment</translation>
    </message>
    <message>
        <source>Cancelled: numbering leaves it out unless you ask for it.</source>
        <translation>Cancelled: numbering leaves it out unless you ask for it.</translation>
    </message>
    <message>
        <source>Filing to the NTS failed: numbering leaves it out unless you ask for it.</source>
        <translation>Filing to the NTS failed: numbering leaves it out unless you ask for it.</translation>
    </message>
    <message>
        <source>(no partner name)</source>
        <translation>(no partner name)</translation>
    </message>
    <message>
        <source>%1 · written %2 · total %3 · %4</source>
        <translation>%1 · written %2 · total %3 · %4</translation>
    </message>
    <message>
        <source>document ID %1</source>
        <translation>document ID %1</translation>
    </message>
    <message>
        <source>This invoice already has the document ID %1.</source>
        <translation>This invoice already has the document ID %1.</translation>
    </message>
    <message>
        <source>Duplicate: the invoice with POPBiLL number %1 gets the same ID.</source>
        <translation>Duplicate: the invoice with POPBiLL number %1 gets the same ID.</translation>
    </message>
    <message>
        <source>Taken: the invoice with POPBiLL number %1 already has this ID.</source>
        <translation>Taken: the invoice with POPBiLL number %1 already has this ID.</translation>
    </message>
    <message>
        <source>The invoice has no written date for {date}.</source>
        <translation>The invoice has no written date for {date}.</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Partly failed</source>
        <translation>Partly failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Resend email</source>
        <translation>Resend email</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>Assign MgtKey</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Keyring</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>Internal error (%1). The window keeps working.</translation>
    </message>
    <message>
        <source>Batch #%1: %2</source>
        <translation>Batch #%1: %2</translation>
    </message>
    <message>
        <source>Each call&apos;s result appears here, whole, with what to do about it.</source>
        <translation>Each call&apos;s result appears here, whole, with what to do about it.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copy rows</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all rows) as text for a spreadsheet.</source>
        <translation>Copy the selected rows (or all rows) as text for a spreadsheet.</translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation>C&amp;lear log</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Colu&amp;mns</source>
        <translation>Colu&amp;mns</translation>
    </message>
    <message>
        <source>Show or hide columns, such as POPBiLL&apos;s code and the duration.</source>
        <translation>Show or hide columns, such as POPBiLL&apos;s code and the duration.</translation>
    </message>
    <message>
        <source>Log of calls</source>
        <translation>Log of calls</translation>
    </message>
    <message>
        <source>The selected call in full</source>
        <translation>The selected call in full</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Resend Email</source>
        <translation>Resend Email</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>Assign MgtKey</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Checked on POPBiLL</source>
        <translation>Checked on POPBiLL</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Document ID</source>
        <translation>Document ID</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>POPBiLL number</source>
        <translation>POPBiLL number</translation>
    </message>
    <message>
        <source>NTS number</source>
        <translation>NTS number</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Hidden: choose</source>
        <translation>Hidden: choose</translation>
    </message>
    <message>
        <source>Hidden: left out</source>
        <translation>Hidden: left out</translation>
    </message>
    <message>
        <source>OK (hidden row)</source>
        <translation>OK (hidden row)</translation>
    </message>
    <message>
        <source>Done before: left out</source>
        <translation>Done before: left out</translation>
    </message>
    <message>
        <source>Excel hides this row: choose above whether to send the hidden rows.</source>
        <translation>Excel hides this row: choose above whether to send the hidden rows.</translation>
    </message>
    <message>
        <source>Not sent: the batch stopped before this row.</source>
        <translation>Not sent: the batch stopped before this row.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>ResendMany</name>
    <message>
        <source>Looking up the addresses on file: 0 of %1.</source>
        <translation>Looking up the addresses on file: 0 of %1.</translation>
    </message>
    <message>
        <source>Looking up the addresses on file: %1 of %2.</source>
        <translation>Looking up the addresses on file: %1 of %2.</translation>
    </message>
    <message>
        <source>None of these invoices has an e-mail address on file: nothing to resend.</source>
        <translation>None of these invoices has an e-mail address on file: nothing to resend.</translation>
    </message>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>Internal error (%1). The window keeps working.</translation>
    </message>
    <message>
        <source>Resend &amp;mail (%1)…</source>
        <translation>Resend &amp;mail (%1)…</translation>
    </message>
    <message>
        <source>Left out, without a document ID: %1.</source>
        <translation>Left out, without a document ID: %1.</translation>
    </message>
    <message>
        <source>Resend the mail of each selected invoice to the e-mail address on the invoice, as a batch: the Batch tab shows the rows and asks before anything is sent. Invoices without a document ID or an address are left out.</source>
        <translation>Resend the mail of each selected invoice to the e-mail address on the invoice, as a batch: the Batch tab shows the rows and asks before anything is sent. Invoices without a document ID or an address are left out.</translation>
    </message>
</context>
<context>
    <name>ResendTab</name>
    <message>
        <source>No invoice of this type has this document ID</source>
        <translation>No invoice of this type has this document ID</translation>
    </message>
    <message>
        <source>Sent again: %1</source>
        <translation>Sent again: %1</translation>
    </message>
    <message>
        <source>Check the invoice&apos;s mail history on the POPBiLL website before sending again, or the customer may get the mail twice.</source>
        <translation>Check the invoice&apos;s mail history on the POPBiLL website before sending again, or the customer may get the mail twice.</translation>
    </message>
    <message>
        <source>Type a document ID, or press Find… to choose the invoice from a list.</source>
        <translation>Type a document ID, or press Find… to choose the invoice from a list.</translation>
    </message>
    <message>
        <source>Resend the notification mail of one e-Tax invoice to one e-mail address.</source>
        <translation>Resend the notification mail of one e-Tax invoice to one e-mail address.</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Receiver e-mail</source>
        <translation>&amp;Receiver e-mail</translation>
    </message>
    <message>
        <source>&amp;Document ID</source>
        <translation>&amp;Document ID</translation>
    </message>
    <message>
        <source>Document ID (MgtKey)</source>
        <translation>Document ID (MgtKey)</translation>
    </message>
    <message>
        <source>The document ID your company gave the invoice (MgtKey): 1 to 24 characters, letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>The document ID your company gave the invoice (MgtKey): 1 to 24 characters, letters, digits, &apos;-&apos; and &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Receiver e-mail address</source>
        <translation>Receiver e-mail address</translation>
    </message>
    <message>
        <source>One e-mail address, e.g. name@example.com.</source>
        <translation>One e-mail address, e.g. name@example.com.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Send the mail again</source>
        <translation>Send the mail again</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Use its &amp;e-mail</source>
        <translation>Use its &amp;e-mail</translation>
    </message>
    <message>
        <source>Put the partner&apos;s e-mail address from the invoice in Receiver e-mail.</source>
        <translation>Put the partner&apos;s e-mail address from the invoice in Receiver e-mail.</translation>
    </message>
    <message>
        <source>Fi&amp;nd…</source>
        <translation>Fi&amp;nd…</translation>
    </message>
    <message>
        <source>Choose the invoice from a list of yours, by partner and date: no document ID needed.</source>
        <translation>Choose the invoice from a list of yours, by partner and date: no document ID needed.</translation>
    </message>
</context>
<context>
    <name>ResumeBar</name>
    <message>
        <source>Resume the &amp;batch</source>
        <translation>Resume the &amp;batch</translation>
    </message>
    <message>
        <source>An interrupted batch was found: %1 (rows not finished: %2 of %3). Continue it?</source>
        <translation>An interrupted batch was found: %1 (rows not finished: %2 of %3). Continue it?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Tick “Keep secrets for this session only” to use the secrets you typed.</source>
        <translation>Tick “Keep secrets for this session only” to use the secrets you typed.</translation>
    </message>
    <message>
        <source>fix what is marked above.</source>
        <translation>fix what is marked above.</translation>
    </message>
    <message>
        <source>choose Production or Test.</source>
        <translation>choose Production or Test.</translation>
    </message>
    <message>
        <source>Warning (you can still save): {0}</source>
        <translation>Warning (you can still save): {0}</translation>
    </message>
    <message>
        <source>OK is not available yet: %1</source>
        <translation>OK is not available yet: %1</translation>
    </message>
</context>
<context>
    <name>SettingsKeeper</name>
    <message>
        <source>Connection works: POPBiLL accepted the keys. Signed in until %1.</source>
        <translation>Connection works: POPBiLL accepted the keys. Signed in until %1.</translation>
    </message>
    <message>
        <source>The settings could not be saved (%1). They apply until the program closes; open %2 again to save them once the cause is gone.</source>
        <translation>The settings could not be saved (%1). They apply until the program closes; open %2 again to save them once the cause is gone.</translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <source>Must start with https://; plain http:// only for this computer (the simulator).</source>
        <translation>Must start with https://; plain http:// only for this computer (the simulator).</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Environment</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Sign-in &amp;method</source>
        <translation>Sign-in &amp;method</translation>
    </message>
    <message>
        <source>Sign in with LinkID and SecretKey</source>
        <translation>Sign in with LinkID and SecretKey</translation>
    </message>
    <message>
        <source>The LinkID and SecretKey POPBiLL gave your company; tokens are issued as needed.</source>
        <translation>The LinkID and SecretKey POPBiLL gave your company; tokens are issued as needed.</translation>
    </message>
    <message>
        <source>Link&amp;ID</source>
        <translation>Link&amp;ID</translation>
    </message>
    <message>
        <source>LinkID</source>
        <translation>LinkID</translation>
    </message>
    <message>
        <source>Secret&amp;Key</source>
        <translation>Secret&amp;Key</translation>
    </message>
    <message>
        <source>SecretKey</source>
        <translation>SecretKey</translation>
    </message>
    <message>
        <source>Session &amp;token</source>
        <translation>Session &amp;token</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Session token</translation>
    </message>
    <message>
        <source>Paste the session token: no spaces. It is never shown. Leave it empty to keep the saved one.</source>
        <translation>Paste the session token: no spaces. It is never shown. Leave it empty to keep the saved one.</translation>
    </message>
    <message>
        <source>POPBiLL &amp;user ID</source>
        <translation>POPBiLL &amp;user ID</translation>
    </message>
    <message>
        <source>POPBiLL user ID</source>
        <translation>POPBiLL user ID</translation>
    </message>
    <message>
        <source>Production (운영) is your company&apos;s real work: mail really goes to customers and document IDs are final. Test (연동 테스트) is POPBiLL&apos;s practice service. Your LinkID and SecretKey are kept for each separately.</source>
        <translation>Production (운영) is your company&apos;s real work: mail really goes to customers and document IDs are final. Test (연동 테스트) is POPBiLL&apos;s practice service. Your LinkID and SecretKey are kept for each separately.</translation>
    </message>
    <message>
        <source>&amp;Business registration number</source>
        <translation>&amp;Business registration number</translation>
    </message>
    <message>
        <source>Business registration number</source>
        <translation>Business registration number</translation>
    </message>
    <message>
        <source>Your company&apos;s 사업자등록번호 (CorpNum), 10 digits; dashes are removed. Required when signing in with LinkID and SecretKey. A check digit that does not match is only a warning.</source>
        <translation>Your company&apos;s 사업자등록번호 (CorpNum), 10 digits; dashes are removed. Required when signing in with LinkID and SecretKey. A check digit that does not match is only a warning.</translation>
    </message>
    <message>
        <source>The LinkID POPBiLL gave your company with the API application (연동 신청): letters and digits, no spaces. Not your POPBiLL user ID.</source>
        <translation>The LinkID POPBiLL gave your company with the API application (연동 신청): letters and digits, no spaces. Not your POPBiLL user ID.</translation>
    </message>
    <message>
        <source>The 44-character key POPBiLL issued with the LinkID (base64 text), pasted exactly. Not your POPBiLL password. It is never shown. Leave it empty to keep the saved one.</source>
        <translation>The 44-character key POPBiLL issued with the LinkID (base64 text), pasted exactly. Not your POPBiLL password. It is never shown. Leave it empty to keep the saved one.</translation>
    </message>
    <message>
        <source>Optional: the POPBiLL user ID of the person working (UserID), recorded by POPBiLL with each call. Up to 50 ASCII characters. Never a password.</source>
        <translation>Optional: the POPBiLL user ID of the person working (UserID), recorded by POPBiLL with each call. Up to 50 ASCII characters. Never a password.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language of this program&apos;s sentences and of POPBiLL&apos;s messages.</source>
        <translation>The language of this program&apos;s sentences and of POPBiLL&apos;s messages.</translation>
    </message>
    <message>
        <source>&amp;Hosts</source>
        <translation>&amp;Hosts</translation>
    </message>
    <message>
        <source>Host set</source>
        <translation>Host set</translation>
    </message>
    <message>
        <source>Which POPBiLL hosts to use: the default ones, or the fixed-IP (static) or GA hosts for firewalls that allow fixed addresses only.</source>
        <translation>Which POPBiLL hosts to use: the default ones, or the fixed-IP (static) or GA hosts for firewalls that allow fixed addresses only.</translation>
    </message>
    <message>
        <source>Custom &amp;API URL</source>
        <translation>Custom &amp;API URL</translation>
    </message>
    <message>
        <source>Custom API URL</source>
        <translation>Custom API URL</translation>
    </message>
    <message>
        <source>Optional. Replaces the host set for API calls.</source>
        <translation>Optional. Replaces the host set for API calls.</translation>
    </message>
    <message>
        <source>Custom token &amp;service URL</source>
        <translation>Custom token &amp;service URL</translation>
    </message>
    <message>
        <source>Custom token service URL</source>
        <translation>Custom token service URL</translation>
    </message>
    <message>
        <source>Optional. Replaces the token service host.</source>
        <translation>Optional. Replaces the token service host.</translation>
    </message>
    <message>
        <source>Pro&amp;xy script (PAC)</source>
        <translation>Pro&amp;xy script (PAC)</translation>
    </message>
    <message>
        <source>Proxy auto-configuration script</source>
        <translation>Proxy auto-configuration script</translation>
    </message>
    <message>
        <source>Optional: the address of your company&apos;s proxy script, the file that tells programs which proxy to use for which address (PAC, from IT). An http:// or https:// address or a file on this computer. Empty: the system&apos;s settings are used.</source>
        <translation>Optional: the address of your company&apos;s proxy script, the file that tells programs which proxy to use for which address (PAC, from IT). An http:// or https:// address or a file on this computer. Empty: the system&apos;s settings are used.</translation>
    </message>
    <message>
        <source>Company CA certi&amp;ficate file</source>
        <translation>Company CA certi&amp;ficate file</translation>
    </message>
    <message>
        <source>Company CA certificate file</source>
        <translation>Company CA certificate file</translation>
    </message>
    <message>
        <source>Optional. A PEM file with your company&apos;s root certificate, for networks that inspect TLS. It is trusted in addition to the system&apos;s certificates. Ask IT for it.</source>
        <translation>Optional. A PEM file with your company&apos;s root certificate, for networks that inspect TLS. It is trusted in addition to the system&apos;s certificates. Ask IT for it.</translation>
    </message>
    <message>
        <source>&amp;Read timeout</source>
        <translation>&amp;Read timeout</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>Read timeout in seconds</translation>
    </message>
    <message>
        <source>How long to wait for an answer: 1 to 600 seconds. Connecting waits at most 10 seconds.</source>
        <translation>How long to wait for an answer: 1 to 600 seconds. Connecting waits at most 10 seconds.</translation>
    </message>
    <message>
        <source>Settings and connection</source>
        <translation>Settings and connection</translation>
    </message>
    <message>
        <source>Set by the environment variable {0}, which overrides this setting here.</source>
        <translation>Set by the environment variable {0}, which overrides this setting here.</translation>
    </message>
    <message>
        <source>테스트 (Test): practice</source>
        <translation>테스트 (Test): practice</translation>
    </message>
    <message>
        <source>운영 (Production): real work</source>
        <translation>운영 (Production): real work</translation>
    </message>
    <message>
        <source>Choose: Production or Test</source>
        <translation>Choose: Production or Test</translation>
    </message>
    <message>
        <source>LinkID and SecretKey are not your POPBiLL user ID and password: they are the API keys POPBiLL issues when your company applies for API use (연동 신청). Ask IT or whoever applied for them.</source>
        <translation>LinkID and SecretKey are not your POPBiLL user ID and password: they are the API keys POPBiLL issues when your company applies for API use (연동 신청). Ask IT or whoever applied for them.</translation>
    </message>
    <message>
        <source>Ad&amp;vanced: other sign-in, addresses, proxy, certificate, timeout</source>
        <translation>Ad&amp;vanced: other sign-in, addresses, proxy, certificate, timeout</translation>
    </message>
    <message>
        <source>Production: calls are real. Mail is really sent and document IDs are really assigned.</source>
        <translation>Production: calls are real. Mail is really sent and document IDs are really assigned.</translation>
    </message>
    <message>
        <source>Production (운영) is your company&apos;s real work. Test (연동 테스트) is POPBiLL&apos;s practice service: choose it only if your company applied for a test account. If unsure, ask IT.</source>
        <translation>Production (운영) is your company&apos;s real work. Test (연동 테스트) is POPBiLL&apos;s practice service: choose it only if your company applied for a test account. If unsure, ask IT.</translation>
    </message>
    <message>
        <source>POPBiLL&apos;s code: %1</source>
        <translation>POPBiLL&apos;s code: %1</translation>
    </message>
    <message>
        <source>Testing the connection: signing in to POPBiLL.</source>
        <translation>Testing the connection: signing in to POPBiLL.</translation>
    </message>
    <message>
        <source>✔ Connection works: POPBiLL accepted these keys. Signed in until {0}.</source>
        <translation>✔ Connection works: POPBiLL accepted these keys. Signed in until {0}.</translation>
    </message>
    <message>
        <source>Default hosts</source>
        <translation>Default hosts</translation>
    </message>
    <message>
        <source>Fixed-IP hosts (static)</source>
        <translation>Fixed-IP hosts (static)</translation>
    </message>
    <message>
        <source>GA hosts</source>
        <translation>GA hosts</translation>
    </message>
    <message>
        <source>한국어</source>
        <comment>the Korean language, named in Korean</comment>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <comment>the English language, named in English</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>(from the host set)</source>
        <translation>(from the host set)</translation>
    </message>
    <message>
        <source>(the system&apos;s proxy settings)</source>
        <translation>(the system&apos;s proxy settings)</translation>
    </message>
    <message>
        <source>(the system&apos;s certificates only)</source>
        <translation>(the system&apos;s certificates only)</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Show the advanced settings</source>
        <translation>Show the advanced settings</translation>
    </message>
    <message>
        <source>Settings IT may ask you to change; most offices never need them.</source>
        <translation>Settings IT may ask you to change; most offices never need them.</translation>
    </message>
    <message>
        <source>LinkI&amp;D and SecretKey</source>
        <translation>LinkI&amp;D and SecretKey</translation>
    </message>
    <message>
        <source>&amp;Pasted session token</source>
        <translation>&amp;Pasted session token</translation>
    </message>
    <message>
        <source>Sign in with a pasted session token</source>
        <translation>Sign in with a pasted session token</translation>
    </message>
    <message>
        <source>A ready session token; it is used as it is and never renewed.</source>
        <translation>A ready session token; it is used as it is and never renewed.</translation>
    </message>
    <message>
        <source>%1 cannot be used on this computer, so the keys cannot be saved. They can be kept until the program closes: they are forgotten then.</source>
        <translation>%1 cannot be used on this computer, so the keys cannot be saved. They can be kept until the program closes: they are forgotten then.</translation>
    </message>
    <message>
        <source>Required to use a typed SecretKey or token when %1 cannot be used. Nothing is written to disk.</source>
        <translation>Required to use a typed SecretKey or token when %1 cannot be used. Nothing is written to disk.</translation>
    </message>
    <message>
        <source>Signs in to POPBiLL with these settings (a session token is issued) and shows until when.</source>
        <translation>Signs in to POPBiLL with these settings (a session token is issued) and shows until when.</translation>
    </message>
    <message>
        <source>(saved)</source>
        <translation>(saved)</translation>
    </message>
    <message>
        <source>Keep secrets for this session onl&amp;y</source>
        <translation>Keep secrets for this session onl&amp;y</translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation>Keep secrets for this session only</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Test co&amp;nnection</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <source>A connection test is still running. Try again in a moment.</source>
        <translation>A connection test is still running. Try again in a moment.</translation>
    </message>
    <message>
        <source>Enter the credentials first.</source>
        <translation>Enter the credentials first.</translation>
    </message>
    <message>
        <source>Fix what is marked above first.</source>
        <translation>Fix what is marked above first.</translation>
    </message>
    <message>
        <source>The pasted token is used as it is: its expiry is unknown, and it is checked by the first call.</source>
        <translation>The pasted token is used as it is: its expiry is unknown, and it is checked by the first call.</translation>
    </message>
    <message>
        <source>✖ Connection failed: {0}</source>
        <translation>✖ Connection failed: {0}</translation>
    </message>
    <message>
        <source>✖ The test failed unexpectedly ({0}).</source>
        <translation>✖ The test failed unexpectedly ({0}).</translation>
    </message>
</context>
<context>
    <name>SetupBar</name>
    <message>
        <source>Open settin&amp;gs…</source>
        <translation>Open settin&amp;gs…</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>LinkID and SecretKey are the API keys POPBiLL issued for the 연동 신청 (IT has them), not your POPBiLL user ID and password.</source>
        <translation>LinkID and SecretKey are the API keys POPBiLL issued for the 연동 신청 (IT has them), not your POPBiLL user ID and password.</translation>
    </message>
    <message>
        <source>First start: in Settings, choose Production (real work) or Test, and enter your company&apos;s business number, LinkID and SecretKey.</source>
        <translation>First start: in Settings, choose Production (real work) or Test, and enter your company&apos;s business number, LinkID and SecretKey.</translation>
    </message>
    <message>
        <source>%1 Or enter the credentials in Settings: they are then kept until the program closes.</source>
        <translation>%1 Or enter the credentials in Settings: they are then kept until the program closes.</translation>
    </message>
    <message>
        <source>To start, enter your company&apos;s LinkID and SecretKey and its business registration number in Settings. %1 cannot be used on this computer, so they are kept only until the program closes.</source>
        <translation>To start, enter your company&apos;s LinkID and SecretKey and its business registration number in Settings. %1 cannot be used on this computer, so they are kept only until the program closes.</translation>
    </message>
    <message>
        <source>To start, enter your company&apos;s LinkID and SecretKey and its business registration number in Settings. They are kept in %1.</source>
        <translation>To start, enter your company&apos;s LinkID and SecretKey and its business registration number in Settings. They are kept in %1.</translation>
    </message>
    <message>
        <source>Enter your company&apos;s business registration number (사업자등록번호) in Settings.</source>
        <translation>Enter your company&apos;s business registration number (사업자등록번호) in Settings.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>POPBiLL&apos;s state code: %1</source>
        <translation>POPBiLL&apos;s state code: %1</translation>
    </message>
</context>
</TS>
