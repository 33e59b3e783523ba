# Compiles a folder's files into the binary as a table of {path, bytes}, so the default
# theme ships inside trustpage and a vendor's repository needs no theme of its own.
set(TRUSTPAGE_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)

function(trustpage_embed_directory target dir symbol)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS LIST_DIRECTORIES false ${dir}/*)
  list(SORT files)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${symbol}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUT=${out} -DSYMBOL=${symbol}
            -P ${TRUSTPAGE_EMBED_SCRIPT}
    DEPENDS ${files} ${TRUSTPAGE_EMBED_SCRIPT}
    COMMENT "Embedding ${dir}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
