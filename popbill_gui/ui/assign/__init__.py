"""Assign MgtKey (문서번호 할당): a document ID for an invoice issued on the POPBiLL website."""
