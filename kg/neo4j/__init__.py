"""Neo4j: the graph model there (``schema``), the rows one build puts there (``rows``), the Cypher that
writes them (``statements``), the files for users without Python (``files``), and the
only code that touches the network: the Bolt client (``client``) and the loader (``load``)."""
